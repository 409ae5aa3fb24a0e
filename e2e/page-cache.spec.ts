import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { cookieHeader, signedInApi, trpc } from "./lib/api-shopper";
import { fetchPage, stockShownIn } from "./lib/page-html";
import { e2eBaseURL as baseURL } from "./lib/server-env";
import { ADMIN } from "./support";

// Anonymous catalog and product pages come from the server's document cache (server/document-cache.ts).
const visit = (path: string, headers: Record<string, string> = {}) => fetchPage(`${baseURL}${path}`, headers);

let admin: APIRequestContext;

test.beforeAll(async () => {
  admin = await signedInApi(baseURL, ADMIN);
});

test.afterAll(async () => {
  await admin.dispose();
});

test("an anonymous page is served again from memory, each copy with a nonce of its own on every script", async () => {
  await visit("/");
  const [first, second] = [await visit("/"), await visit("/")];
  expect(second.cache).toBe("hit");
  expect(first.nonce).not.toBe(second.nonce);
  for (const copy of [first, second]) {
    const scripts = copy.html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${copy.nonce}"`);
    // Nothing of the render's own nonce, or another copy's, is left in the page.
    expect(copy.html.match(/nonce="([^"]+)"/g)?.every((attribute) => attribute === `nonce="${copy.nonce}"`)).toBe(true);
  }
  expect(second.html.replaceAll(second.nonce, "")).toBe(first.html.replaceAll(first.nonce, ""));
});

test("a signed-in visitor's pages never come from the cache", async () => {
  const headers = { cookie: await cookieHeader(admin) };
  await visit("/");
  const page = await visit("/", headers);
  expect(page.status).toBe(200);
  expect(page.cache).toBeNull();
  expect(page.html).toContain("Ada Admin");
  const anonymous = await visit("/");
  expect(anonymous.cache).toBe("hit");
  expect(anonymous.html).not.toContain("Ada Admin");
});

test("a product's cached page follows its changes at once: stock, name and archiving", async () => {
  const slug = `cached-lamp-${randomUUID().slice(0, 8)}`;
  const product = await trpc<{ id: string }>(admin, "admin.products.create", {
    name: "Cached Lamp",
    slug,
    description: "A lamp for the cache test.",
    priceCents: 4_500,
    stock: 12,
  });
  const path = `/products/${slug}`;
  expect(stockShownIn((await visit(path)).html)).toBe(12);
  expect((await visit(path)).cache).toBe("hit");

  await trpc(admin, "admin.inventory.adjust", { productId: product.id, delta: -5, reason: "cache test" });
  await expect.poll(async () => stockShownIn((await visit(path)).html), { timeout: 2_000 }).toBe(7);

  await trpc(admin, "admin.products.update", { id: product.id, name: "Renamed Lamp" });
  await expect.poll(async () => (await visit(path)).html.includes("Renamed Lamp"), { timeout: 2_000 }).toBe(true);

  await trpc(admin, "admin.products.archive", { id: product.id });
  await expect.poll(async () => (await visit(path)).status, { timeout: 2_000 }).toBe(404);
});
