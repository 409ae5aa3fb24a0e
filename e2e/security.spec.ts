import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { e2eServerEnv } from "./lib/server-env";
import { rawRequest } from "./lib/raw-http";
import { expect, test } from "./fixtures";
import { ADMIN, addToCart, checkOutPaid, signInQuickly, signUpQuickly } from "./support";

function expectSecurityHeaders(
  response: { headers(): Record<string, string> } | null | undefined,
  label: string,
  page = false,
) {
  const headers = response?.headers() ?? {};
  expect(headers["x-content-type-options"], label).toBe("nosniff");
  expect(headers["x-frame-options"], label).toBe("DENY");
  expect(headers["referrer-policy"], label).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], label).toContain("camera=()");
  expect(headers["cross-origin-opener-policy"], label).toBe("same-origin");
  // The E2E servers run in production mode, which always sends HSTS (browsers heed it over HTTPS only).
  expect(headers["strict-transport-security"], label).toBe("max-age=63072000; includeSubDomains");
  expect(headers["x-request-id"], label).toMatch(/^[\w.:-]{8,}$/);
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, label).toContain("frame-ancestors 'none'");
  if (page) expect(csp, label).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
}

async function cartCount(page: Page): Promise<number> {
  const response = await page.request.get("/api/trpc/cart.get");
  const { result } = (await response.json()) as { result: { data: { items: { quantity: number }[] } } };
  return result.data.items.reduce((sum, item) => sum + item.quantity, 0);
}

test.describe("cross-site requests", () => {
  test("a cookie-authenticated cross-site mutation is refused and changes nothing; a bearer token works", async ({
    page,
  }) => {
    await signUpQuickly(page, "Csrf Target");
    const productId = ((await (await page.request.get("/api/v1/products/canvas-tote")).json()) as { id: string }).id;
    const write = { productId, quantity: 2 };
    const crossSite: Record<string, string>[] = [
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      { origin: "null" },
      { "sec-fetch-site": "same-site" },
    ];
    for (const headers of crossSite) {
      const response = await page.request.post("/api/trpc/cart.setItem", { data: write, headers });
      expect(response.status(), JSON.stringify(headers)).toBe(403);
      const rest = await page.request.put(`/api/v1/cart/items/${productId}`, { data: { quantity: 2 }, headers });
      expect(rest.status(), JSON.stringify(headers)).toBe(403);
    }
    expect(await cartCount(page)).toBe(0);

    // Same-origin requests (what the shop's own pages send) work.
    const own = await page.request.post("/api/trpc/cart.setItem", {
      data: write,
      headers: { origin: "http://localhost:3100", "sec-fetch-site": "same-origin" },
    });
    expect(own.status()).toBe(200);

    const { result } = (await (
      await page.request.post("/api/trpc/account.tokens.create", {
        data: { name: "csrf test", scopes: ["read", "orders"] },
      })
    ).json()) as { result: { data: { token: string } } };
    const withToken = await page.request.post("/api/trpc/cart.clear", {
      headers: {
        origin: "https://evil.example",
        "sec-fetch-site": "cross-site",
        authorization: `Bearer ${result.data.token}`,
        "content-type": "application/json",
      },
    });
    expect(withToken.status()).toBe(200);
    expect(await cartCount(page)).toBe(0);
  });

  test("a plain form posted to a page from another site is a 403, not a 500", async ({ request }) => {
    for (const [target, contentType, body] of [
      ["/products/stoneware-mug", "multipart/form-data; boundary=x", "--x--\r\n"],
      ["/", "application/x-www-form-urlencoded", "q=mug"],
    ] as const) {
      const response = await request.post(target, {
        headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site", "content-type": contentType },
        data: body,
      });
      expect(response.status(), target).toBe(403);
    }
  });

  test("a server action posted from another site is a 403, not a 500", async ({ request }) => {
    const response = await request.post("/sign-in", {
      headers: { "next-action": "0123456789abcdef", origin: "https://evil.example", "content-type": "text/plain" },
      data: "[]",
    });
    expect(response.status()).toBe(403);
  });
});

test("signing out ends the session: the old cookie no longer reads the account, writes the cart or shows orders", async ({
  page,
}) => {
  await signUpQuickly(page, "Leaving Soon");
  await addToCart(page, "canvas-tote", 1);
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name.endsWith("authjs.session-token"));
  expect(session).toBeDefined();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  const stolen = { cookie: `${session?.name}=${session?.value}` };
  const me = await page.request.get("/api/trpc/account.me", { headers: stolen });
  expect(me.status()).toBe(401);
  const write = await page.request.post("/api/trpc/cart.clear", {
    headers: { ...stolen, "content-type": "application/json" },
  });
  expect(write.status()).toBe(401);
  const orders = await rawRequest("http://localhost:3100/orders", { headers: stolen });
  expect(orders.status).toBe(307);
  expect(orders.headers.location).toMatch(/\/sign-in/);
});

test.describe("input limits", () => {
  test("malformed and oversized requests get clean 4xx answers, never a 500", async ({ request, consoleGuard }) => {
    consoleGuard.allow(/./);
    expect((await rawRequest("http://localhost:3100/products/%ff")).status).toBe(400);
    expect((await rawRequest("http://localhost:3100/orders/%E0%A4%A")).status).toBe(400);
    // tRPC reads skip Next.js in `npm start` (server/api-reads.ts): the same refusal applies.
    expect((await rawRequest("http://localhost:3100/api/trpc/catalog.list%E0%A4%A")).status).toBe(400);
    const tooLong = await rawRequest(`http://localhost:3100/?q=${"a".repeat(9000)}`);
    expect(tooLong.status).toBe(414);
    // Refused before Next.js, still with the error shape and every security header.
    expect(JSON.parse(tooLong.body)).toMatchObject({ code: "URI_TOO_LONG" });
    expectSecurityHeaders({ headers: () => tooLong.headers as Record<string, string> }, "414");

    const huge = "x".repeat(1_100_000);
    const auth = await rawRequest("http://localhost:3100/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `email=a%40b.test&password=${huge}`,
    });
    expect(auth.status).toBe(413);
    const action = await rawRequest("http://localhost:3100/", {
      method: "POST",
      headers: { "content-type": "text/plain", "next-action": "0123456789abcdef" },
      body: huge,
    });
    expect(action.status).toBe(413);

    const paths = Array.from({ length: 1000 }, () => "catalog.list").join(",");
    const batch = await request.get(`/api/trpc/${paths}?batch=1&input={}`);
    expect(batch.status()).toBeGreaterThanOrEqual(400);
    expect(batch.status()).toBeLessThan(500);

    const badCookie = await request.get("/api/trpc/account.me", {
      headers: { cookie: "authjs.session-token=%zz;;==" },
    });
    expect(badCookie.status()).toBe(401);
  });
});

test.describe("headers and the content security policy", () => {
  async function visitAll(page: Page, paths: string[]) {
    for (const target of paths) {
      const response = await page.goto(target);
      expect(response?.status(), target).toBe(200);
      expectSecurityHeaders(response, target, true);
      // Every script the page was sent carries this response's nonce.
      const html = (await response?.text()) ?? "";
      const nonce = /'nonce-([^']+)'/.exec(response?.headers()["content-security-policy"] ?? "")?.[1];
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, target).toBeGreaterThan(0);
      for (const script of scripts) expect(script, target).toContain(`nonce="${nonce}"`);
      await page.waitForLoadState("networkidle");
    }
  }

  test("every page a visitor can open works under the enforced policy", async ({ page }) => {
    await visitAll(page, [
      "/",
      "/?q=mug&sort=price_asc",
      "/products/stoneware-mug",
      "/sign-in",
      "/sign-up",
      "/api/docs",
    ]);
  });

  test("every page of a signed-in customer works under the enforced policy", async ({ page }) => {
    await signUpQuickly(page, "Policy Shopper");
    await addToCart(page, "linen-sketchbook", 1);
    await checkOutPaid(page);
    const orderPath = new URL(page.url()).pathname;
    await addToCart(page, "linen-sketchbook", 1);
    await visitAll(page, ["/cart", "/checkout", "/orders", orderPath, "/account"]);
  });

  test("every admin page works under the enforced policy", async ({ page }) => {
    await signInQuickly(page, ADMIN);
    await page.goto("/admin/products");
    const editPath = await page.getByTestId("admin-product-row").first().getByRole("link").getAttribute("href");
    await visitAll(page, [
      "/admin",
      "/admin/products",
      "/admin/products/new",
      editPath ?? "/admin/products",
      "/admin/orders",
      "/admin/users",
      "/admin/audit",
    ]);
  });

  test("API answers carry the headers too, and signed-in answers are never cached", async ({ page }) => {
    for (const target of ["/api/health", "/api/openapi.json", "/api/v1/products?limit=1", "/api/trpc/catalog.list"]) {
      expectSecurityHeaders(await page.request.get(target), target);
    }
    const traced = await page.request.get("/api/trpc/catalog.list", { headers: { "x-request-id": "trace-0001-read" } });
    expect(traced.headers()["x-request-id"]).toBe("trace-0001-read");
    await signUpQuickly(page, "Private Reader");
    for (const target of ["/api/trpc/cart.get", "/api/v1/cart"]) {
      const response = await page.request.get(target);
      expect(response.headers()["cache-control"], target).toBe("private, no-store");
    }
  });
});

test("no server secret, password hash or token hash is in the JavaScript sent to browsers", () => {
  const files: string[] = [];
  const walk = (directory: string) => {
    for (const name of readdirSync(directory)) {
      const file = path.join(directory, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(js|css|json|map)$/.test(name)) files.push(file);
    }
  };
  walk(path.resolve(".next/static"));
  expect(files.length).toBeGreaterThan(10);
  const forbidden = [
    e2eServerEnv.AUTH_SECRET,
    "$argon2id$",
    "password_hash",
    "passwordHash",
    "token_hash",
    "tokenHash",
    "postgres://",
    "AUTH_SECRET",
  ];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const secret of forbidden) expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
  }
});

test("the development mailbox is never served in production", async ({ page, consoleGuard }) => {
  consoleGuard.allow(/404/);
  for (const path of ["/dev/mailbox", "/dev/mailbox/PHRlc3RAbG9jYWxob3N0Pg"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: /not found/i })).toBeVisible();
  }
});
