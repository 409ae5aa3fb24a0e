import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { buy, cookieHeader, newShopper, signedInApi, trpc, waitForOrderStatus } from "./lib/api-shopper";
import { payInBrowser } from "./lib/pay-in-browser";
import { fetchPage, stockShownIn } from "./lib/page-html";
import { e2eBaseURL as baseURL } from "./lib/server-env";
import { ADMIN } from "./support";

// Catalog, product and (signed in) order pages come from the server's document cache (server/document-cache.ts).
const visit = (path: string, headers: Record<string, string> = {}) => fetchPage(`${baseURL}${path}`, headers);

let admin: APIRequestContext;

async function csrfTokenOf(api: APIRequestContext): Promise<string> {
  return ((await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
}

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

test("a signed-in visitor is served copies of their own pages, never the anonymous one", async () => {
  const headers = { cookie: await cookieHeader(admin) };
  await visit("/");
  await visit("/", headers);
  const page = await visit("/", headers);
  expect(page.status).toBe(200);
  expect(page.cache).toBe("hit");
  expect(page.html).toContain("Ada Admin");
  const anonymous = await visit("/");
  expect(anonymous.cache).toBe("hit");
  expect(anonymous.html).not.toContain("Ada Admin");
});

test("a signed-in visitor's cached orders page shows their cart and orders at once, and nobody else's", async ({
  page: browserPage,
}) => {
  const shopper = await newShopper(baseURL);
  const other = await newShopper(baseURL);
  try {
    const mine = { cookie: await cookieHeader(shopper) };
    const ordersShown = async (headers = mine) => {
      const page = await visit("/orders", headers);
      expect(page.status).toBe(200);
      return { page, rows: page.html.match(/data-testid="order-row"/g)?.length ?? 0 };
    };
    // Made first: a new product is a catalog change, which drops every cached page anyway.
    const { id: mug } = await trpc<{ id: string }>(admin, "admin.products.create", {
      name: "Cached Orders Mug",
      slug: `cached-orders-mug-${randomUUID().slice(0, 8)}`,
      description: "A mug for the signed-in cache test.",
      priceCents: 1_500,
      stock: 10,
    });
    await ordersShown();
    expect((await ordersShown()).page.cache).toBe("hit");

    // No catalog change from here to the order: the visitor's own state is what makes the copy go.
    await trpc(shopper, "cart.setItem", { productId: mug, quantity: 3 });
    const withCart = await ordersShown();
    expect(withCart.page.cache).toBe("miss");
    expect(withCart.page.html).toContain("Cart, 3 items");

    const order = await buy(shopper, mug, 1);
    const bought = await ordersShown();
    expect(bought.rows).toBe(1);
    expect(bought.page.html).toContain("Cart, 0 items");

    // The provider's webhook is the visitor's own change too: the copy follows it.
    await payInBrowser(browserPage, order.paymentUrl);
    await waitForOrderStatus(shopper, order.id, "paid");
    await expect.poll(async () => (await ordersShown()).page.html).toContain('data-testid="order-status">Paid<');
    expect((await ordersShown()).page.cache).toBe("hit");
    await trpc(admin, "admin.orders.setStatus", { id: order.id, status: "shipped" });
    const shipped = await ordersShown();
    expect(shipped.page.cache).toBe("miss");
    expect(shipped.page.html).toContain('data-testid="order-status">Shipped<');

    const theirs = await ordersShown({ cookie: await cookieHeader(other) });
    expect(theirs.rows).toBe(0);
    expect(theirs.page.html).not.toContain(order.id);

    const signOut = await shopper.post("/api/auth/signout", {
      form: { csrfToken: await csrfTokenOf(shopper) },
      maxRedirects: 0,
    });
    expect(signOut.status()).toBe(302);
    const signedOut = await visit("/orders", mine);
    expect(signedOut.cache).toBeNull();
    expect(signedOut.html).not.toContain(order.id);
  } finally {
    await Promise.all([shopper.dispose(), other.dispose()]);
  }
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
