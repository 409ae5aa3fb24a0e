import { shipTo } from "../../tests/support/shipping";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../fixtures";
import { newShopper, productId, signedInApi, stockStreamUrl, trpc } from "../lib/api-shopper";
import { startFleet, type Fleet } from "../lib/fleet";
import type { Instance } from "../lib/instance";
import type { RunningNginx } from "../lib/nginx";
import { purchaseThroughProxy } from "../lib/purchase-through-proxy";
import { credentialsSignIn } from "../lib/raw-http";
import { payInBrowser } from "../lib/pay-in-browser";
import { newTokenBuyer, restClient } from "../lib/rest-client";
import { SseClient } from "../lib/sse-client";
import type { E2EDatabase } from "../lib/test-database";
import { ADMIN } from "../support";

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
  DATABASE_IDLE_TIMEOUT_SECONDS: "2",
  // As docs/deploy/vercel.md sets it up: a scheduler runs the jobs through /api/jobs/run (tested in
  // e2e/postgres/account-mail.spec.ts), so functions do not poll the queue and a quiet one holds no connection.
  JOBS_WORKER: "false",
};

let fleet: Fleet;
let database: E2EDatabase;
let instances: Instance[] = [];
let nginx: RunningNginx;

test.beforeAll(async () => {
  fleet = await startFleet({
    ports: PORTS,
    nginxPort: NGINX_PORT,
    env,
    server: "next-start",
    clientAddressHeader: "X-Vercel-Forwarded-For",
  });
  ({ database, instances, nginx } = fleet);
});

test.afterAll(async () => {
  await fleet?.stop();
});

test("browse, sign up, buy and see the order, with the other browser's stock live, served by both instances", async ({
  browser,
  consoleGuard,
}) => {
  test.setTimeout(60_000);
  const upstreams = await purchaseThroughProxy(browser, nginx.baseURL, (context) => consoleGuard.watch(context));
  expect(upstreams).toEqual(PORTS.map(String));
});

test("an outside client buys over REST with a bearer token; the shopper pays on the provider's page", async ({
  page,
}) => {
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
    body: shipTo,
    headers,
  });
  expect(placed.response.status).toBe(202);
  expect(placed.data?.order.status).toBe("awaiting_payment");
  const orderId = placed.data?.order.id ?? "";
  expect(placed.response.headers.get("location")).toBe(`/api/v1/orders/${orderId}`);
  // No worker runs here (as on Vercel): the test provider still sends its webhook at once, as a real one does.
  await payInBrowser(page, placed.data?.paymentUrl ?? "");
  await expect
    .poll(async () => (await client.GET("/orders/{id}", { params: { path: { id: orderId } }, headers })).data?.status)
    .toBe("paid");
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

/** The app's pool connections to the test database (its LISTEN sessions aside), by state. */
async function poolSessions(): Promise<number> {
  const [row] = await database.sql<{ count: number }[]>`
    select count(*)::int as count from pg_stat_activity
    where datname = current_database() and application_name like 'storefront %' and query not ilike 'listen %'`;
  return row?.count ?? 0;
}

test("idle pool connections are released, and a frozen process whose sessions the database ended recovers", async () => {
  test.setTimeout(60_000);
  const frozen = instances[0]!;
  const read = async () => (await fetch(`${frozen.baseURL}/api/trpc/catalog.categories`)).status;
  expect(await read()).toBe(200);
  // DATABASE_IDLE_TIMEOUT_SECONDS=2: a quiet process holds no pool connection for long.
  await expect.poll(poolSessions, { timeout: 15_000 }).toBe(0);

  expect(await read()).toBe(200);
  frozen.signal("SIGSTOP");
  try {
    // What a database's (or a pooler's) idle timeout does to a frozen function's sessions.
    await database.sql`
      select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and application_name like 'storefront %'`;
  } finally {
    frozen.signal("SIGCONT");
  }
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 20; attempt++) statuses.push(await read());
  expect(statuses.slice(1)).toEqual(Array.from({ length: 19 }, () => 200));
});
