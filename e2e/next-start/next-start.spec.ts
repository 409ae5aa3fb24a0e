import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../fixtures";
import { newShopper, productId, signedInApi, stockStreamUrl, trpc } from "../lib/api-shopper";
import { startInstance, type Instance } from "../lib/instance";
import { startNginx, type RunningNginx } from "../lib/nginx";
import { credentialsSignIn } from "../lib/raw-http";
import { newTokenBuyer, restClient } from "../lib/rest-client";
import { SseClient } from "../lib/sse-client";
import { createE2EDatabase, type E2EDatabase } from "../lib/test-database";
import { ADMIN, addToCart, APPROVED_CARD, checkOut, signUpQuickly } from "../support";

// The app on Next's own server (`next start`, as Vercel runs it: no custom server, no page cache, no
// direct read or stream paths): two instances on one PostgreSQL behind nginx, which sets the client's
// address in the header the Vercel guide names, with streams that end every 5 s.
const PORTS = [3171, 3172] as const;
const NGINX_PORT = 3170;
const env = {
  CLIENT_IP_HEADER: "x-vercel-forwarded-for",
  SSE_MAX_DURATION_SECONDS: "5",
  SSE_PING_SECONDS: "1",
  // Sign-in limits at their real values; the loose tiers opened for a suite that all comes from 127.0.0.1.
  RATE_LIMIT_SCALE: "1",
  RATE_LIMIT_WRITES_PER_MINUTE: "100000",
  RATE_LIMIT_READS_PER_MINUTE: "100000",
};

let database: E2EDatabase;
let instances: Instance[] = [];
let nginx: RunningNginx;

test.beforeAll(async () => {
  database = await createE2EDatabase();
  instances = [];
  for (const port of PORTS) {
    instances.push(await startInstance({ port, databaseUrl: database.url, env, server: "next-start" }));
  }
  nginx = await startNginx({
    port: NGINX_PORT,
    upstreamPorts: [...PORTS],
    clientAddressHeader: "X-Vercel-Forwarded-For",
  });
});

test.afterAll(async () => {
  await nginx?.stop();
  await Promise.all(instances.map((instance) => instance.stop()));
  await database?.drop();
});

test("browse, sign up, buy and see the order, with the other browser's stock live, served by both instances", async ({
  browser,
  consoleGuard,
}) => {
  test.setTimeout(60_000);
  const buyer = await browser.newContext({ baseURL: nginx.baseURL });
  const watcher = await browser.newContext({ baseURL: nginx.baseURL });
  consoleGuard.watch(buyer);
  consoleGuard.watch(watcher);
  const upstreams = new Set<string>();
  buyer.on("response", (response) => {
    const upstream = response.headers()["x-upstream"];
    if (upstream) upstreams.add(upstream.split(":").pop() ?? upstream);
  });
  try {
    const watching = await watcher.newPage();
    await watching.goto("/products/linen-sketchbook");
    const stock = watching.getByTestId("product-stock");
    const before = Number.parseInt((await stock.textContent()) ?? "", 10);

    const page = await buyer.newPage();
    await page.goto("/");
    await expect(page.getByTestId("product-card")).toHaveCount(12);
    await page.goto("/c/kitchen");
    await expect(page.getByTestId("product-card").first()).toBeVisible();
    await signUpQuickly(page, "Next Start Buyer");
    await addToCart(page, "linen-sketchbook", 2);
    await page.goto("/cart");
    await expect(page.getByTestId("cart-line")).toHaveCount(1);
    await checkOut(page, APPROVED_CARD);
    await expect(page.getByTestId("order-placed")).toBeVisible();
    await page.goto("/orders");
    await expect(page.getByTestId("order-row")).toHaveCount(1);

    await expect(stock).toHaveText(new RegExp(`^${before - 2}\\b`));
    expect([...upstreams].sort()).toEqual(PORTS.map(String));
  } finally {
    await buyer.close();
    await watcher.close();
  }
});

test("an outside client buys over REST with a bearer token", async () => {
  const client = restClient(nginx.baseURL);
  const headers = await newTokenBuyer(nginx.baseURL, client);
  const products = await client.GET("/products", { params: { query: { q: "mug", limit: 5 } } });
  const mug = products.data?.items[0];
  expect(mug).toBeDefined();
  const put = await client.PUT("/cart/items/{productId}", {
    params: { path: { productId: mug?.id ?? "" } },
    body: { quantity: 1 },
    headers,
  });
  expect(put.response.status).toBe(200);
  const placed = await client.POST("/orders", {
    params: { header: { "Idempotency-Key": crypto.randomUUID() } },
    body: { payment: { cardNumber: "4242 4242 4242 4242" } },
    headers,
  });
  expect(placed.response.status).toBe(201);
  const order = await client.GET("/orders/{id}", { params: { path: { id: placed.data?.id ?? "" } }, headers });
  expect(order.data?.status).toBe("paid");
});

test("live stock through both instances: streams end every 5 s and resume with no gap and no duplicate", async () => {
  test.setTimeout(60_000);
  const admin: APIRequestContext = await signedInApi(nginx.baseURL, ADMIN);
  const shopper = await newShopper(nginx.baseURL);
  const bag = await productId(shopper, "canvas-tote");
  const client = new SseClient(stockStreamUrl(nginx.baseURL, [bag])).start();
  try {
    await client.waitFor(0);
    // A change every 300 ms, each through whichever instance nginx picks, for longer than two streams live.
    const expected: number[] = [];
    const until = Date.now() + 12_000;
    while (Date.now() < until) {
      const { stock } = await trpc<{ stock: number }>(admin, "admin.inventory.adjust", {
        productId: bag,
        delta: 1,
        reason: "next start stream test",
      });
      expected.push(stock);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await client.waitFor(expected.length, { connections: 3 });
    expect(client.events.map((event) => (event.data as { stock: number }).stock)).toEqual(expected);
    const ids = client.events.map((event) => Number(event.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(client.cleanEnds).toBeGreaterThanOrEqual(2);
  } finally {
    await client.stop();
    await admin.dispose();
    await shopper.dispose();
  }
});

test("sign-in limits count the real client nginx saw, whatever header the client sends", async () => {
  const wrong = { email: "shopper@storefront.test", password: "not the password" };
  for (let attempt = 0; attempt < 10; attempt++) {
    const forged = { "x-vercel-forwarded-for": `198.51.100.${attempt}`, "x-forwarded-for": `198.51.100.${attempt}` };
    const response = await credentialsSignIn(nginx.baseURL, wrong, { headers: forged });
    expect(response.status, `attempt ${attempt + 1}`).toBe(302);
  }
  expect((await credentialsSignIn(nginx.baseURL, wrong)).status).toBe(429);
  // Another client (another loopback address to nginx) has its own budget and signs in.
  const owner = { email: "shopper@storefront.test", password: "storefront-demo" };
  const elsewhere = await credentialsSignIn(nginx.baseURL, owner, { localAddress: "127.0.0.2" });
  expect(elsewhere.status).toBe(302);
  expect(elsewhere.headers.location).not.toMatch(/error=/);
});
