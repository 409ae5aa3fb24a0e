import { shipTo } from "../../tests/support/shipping";
import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../fixtures";
import { newShopper, productId, type PlacedOrder } from "../lib/api-shopper";
import { startFleet, type Fleet } from "../lib/fleet";
import type { Instance } from "../lib/instance";
import type { RunningNginx } from "../lib/nginx";
import { purchaseThroughProxy } from "../lib/purchase-through-proxy";
import { credentialsSignIn } from "../lib/raw-http";
import type { E2EDatabase } from "../lib/test-database";

// Two production servers on one PostgreSQL behind nginx (docs/deploy/nginx-storefront.conf), round robin.
const PORTS = [3121, 3122] as const;
const NGINX_PORT = 3120;
const env = {
  TRUSTED_PROXY_HOPS: "1",
  // Sign-in limits at their real values; every request here comes from one address, so the loose
  // per-address tiers are opened wide enough for the load below.
  RATE_LIMIT_SCALE: "1",
  RATE_LIMIT_WRITES_PER_MINUTE: "100000",
  RATE_LIMIT_READS_PER_MINUTE: "100000",
};

let fleet: Fleet;
let database: E2EDatabase;
let instances: Instance[] = [];
let nginx: RunningNginx;

test.beforeAll(async () => {
  fleet = await startFleet({ ports: PORTS, nginxPort: NGINX_PORT, env });
  ({ database, instances, nginx } = fleet);
});

test.afterAll(async () => {
  await fleet?.stop("SIGKILL");
});

test("a browser purchase through nginx is served by both instances: session, checkout and live stock hold", async ({
  browser,
  consoleGuard,
}) => {
  test.setTimeout(60_000);
  const upstreams = await purchaseThroughProxy(browser, nginx.baseURL, (context) => consoleGuard.watch(context));
  expect(upstreams).toEqual(PORTS.map(String));
});

test("one checkout sent again through the other instance is the same order", async () => {
  const shopper = await newShopper(nginx.baseURL);
  const mug = await productId(shopper, "stoneware-mug");
  await shopper.post("/api/trpc/cart.setItem", { data: { productId: mug, quantity: 1 } });
  const body = { idempotencyKey: randomUUID(), ...shipTo };
  const answers = [];
  for (let i = 0; i < 4; i++) {
    const response = await shopper.post("/api/trpc/checkout.placeOrder", { data: body });
    expect(response.status(), await response.text()).toBe(200);
    const { order, paymentUrl } = ((await response.json()) as { result: { data: PlacedOrder } }).result.data;
    answers.push({ id: order.id, paymentUrl, upstream: response.headers()["x-upstream"] });
  }
  expect(new Set(answers.map((answer) => answer.id)).size).toBe(1);
  expect(new Set(answers.map((answer) => answer.paymentUrl)).size).toBe(1);
  expect(new Set(answers.map((answer) => answer.upstream)).size).toBe(2);
  await shopper.dispose();
});

interface LoadTally {
  acknowledged: string[];
  retries: number;
  failures: string[];
}

/**
 * A careful client. A connection nginx closed under it is retried for every request here: nginx's
 * reload (taking an instance out of rotation) closes idle keep-alive connections, and a request
 * sent on one at that moment is reset unanswered; a browser resends it on its own. A 502/503/504 is
 * retried only for what is safe to repeat after the app may have seen it (reads and checkouts with
 * an idempotency key), so a cart change refused by the proxy still fails the test: that is what
 * the drain before each stop must prevent.
 */
async function send(
  api: APIRequestContext,
  tally: LoadTally,
  request: { method: "GET" | "POST"; path: string; data?: unknown; retryProxyErrors: boolean },
): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    let failure: string;
    try {
      const response =
        request.method === "GET" ? await api.get(request.path) : await api.post(request.path, { data: request.data });
      if (response.ok()) return ((await response.json()) as { result: { data: unknown } }).result.data;
      failure = `${request.path}: ${response.status()} ${await response.text()}`;
      if (!request.retryProxyErrors || ![502, 503, 504].includes(response.status())) {
        tally.failures.push(failure);
        return null;
      }
    } catch (error) {
      failure = `${request.path}: ${String(error)}`;
    }
    if (attempt === 5) {
      tally.failures.push(failure);
      return null;
    }
    tally.retries += 1;
    await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
  }
}

async function shopUntil(api: APIRequestContext, product: string, done: () => boolean, tally: LoadTally) {
  const listPath = `/api/trpc/catalog.list?input=${encodeURIComponent(JSON.stringify({ limit: 12 }))}`;
  while (!done()) {
    await send(api, tally, { method: "GET", path: listPath, retryProxyErrors: true });
    await send(api, tally, {
      method: "POST",
      path: "/api/trpc/cart.setItem",
      // Sets the quantity (not adds to it), so resending it after a reset cannot buy twice.
      data: { productId: product, quantity: 1 },
      retryProxyErrors: false,
    });
    const order = (await send(api, tally, {
      method: "POST",
      path: "/api/trpc/checkout.placeOrder",
      data: { idempotencyKey: randomUUID(), ...shipTo },
      retryProxyErrors: true,
    })) as PlacedOrder | null;
    if (order) tally.acknowledged.push(order.order.id);
  }
}

test("a rolling restart under load: each instance stops with SIGTERM and comes back, and no request fails", async () => {
  test.setTimeout(120_000);
  await database.sql`update products set stock = 100000 where slug = 'oak-stool'`;
  const shoppers = await Promise.all([1, 2, 3].map(() => newShopper(nginx.baseURL)));
  const board = await productId(shoppers[0]!, "oak-stool");
  const tally: LoadTally = { acknowledged: [], retries: 0, failures: [] };
  let restarting = true;
  const load = Promise.all(shoppers.map((api) => shopUntil(api, board, () => !restarting, tally)));

  // Each step waits until a few more orders went through, so every phase is under load.
  const moreOrders = async (count: number) => {
    const target = tally.acknowledged.length + count;
    await expect.poll(() => tally.acknowledged.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(target);
  };
  // The guide's procedure (docs/deploy/several-instances.md): out of nginx's rotation, SIGTERM, back when ready.
  const exitCodes: (number | null)[] = [];
  for (const instance of instances) {
    await moreOrders(3);
    await nginx.setDown(instance.port, true);
    exitCodes.push(await instance.stop("SIGTERM"));
    await moreOrders(3);
    await instance.restart();
    await nginx.setDown(instance.port, false);
  }
  await moreOrders(3);
  restarting = false;
  await load;
  await Promise.all(shoppers.map((api) => api.dispose()));

  expect(exitCodes).toEqual([0, 0]);
  expect(tally.failures).toEqual([]);
  expect(tally.acknowledged.length).toBeGreaterThan(10);
  // Every acknowledged order is there, once, holding its stock while it awaits payment; the stock
  // went down by exactly what was ordered.
  const [row] = await database.sql<{ orders: number; awaiting: number; stock: number }[]>`
    select count(distinct o.id)::int as orders,
           count(distinct o.id) filter (where o.status = 'awaiting_payment')::int as awaiting,
           (select stock from products where slug = 'oak-stool') as stock
    from orders o where o.id = any(${tally.acknowledged}::uuid[])`;
  expect(row).toEqual({
    orders: tally.acknowledged.length,
    awaiting: tally.acknowledged.length,
    stock: 100000 - tally.acknowledged.length,
  });
});

test("sign-in limits through the proxy count the address nginx saw, whatever the caller forwards", async () => {
  const wrong = { email: "target@example.test", password: "not the password" };
  for (let attempt = 0; attempt < 10; attempt++) {
    const response = await credentialsSignIn(nginx.baseURL, wrong, {
      headers: { "x-forwarded-for": `203.0.113.${attempt}` },
    });
    expect(response.status, `attempt ${attempt + 1}`).toBe(302);
  }
  const refused = await credentialsSignIn(nginx.baseURL, wrong, { headers: { "x-forwarded-for": "203.0.113.99" } });
  expect(refused.status).toBe(429);
  expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
});
