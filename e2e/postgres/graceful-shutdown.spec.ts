import { shipTo } from "../../tests/support/shipping";
import { randomUUID } from "node:crypto";
import http from "node:http";
import { expect, test } from "../fixtures";
import { cookieHeader, newShopper, productId, stockStreamUrl, trpc, type PlacedOrder } from "../lib/api-shopper";
import { startInstance, type Instance } from "../lib/instance";
import { SseClient } from "../lib/sse-client";
import { createE2EDatabase, type E2EDatabase } from "../lib/test-database";

// SIGTERM on a production server with a live stream open and a checkout half sent.
let database: E2EDatabase;
let server: Instance;

test.beforeAll(async () => {
  database = await createE2EDatabase();
  server = await startInstance({ port: 3131, databaseUrl: database.url, env: { SHUTDOWN_TIMEOUT_SECONDS: "10" } });
});

test.afterAll(async () => {
  await server?.stop("SIGKILL");
  await database?.drop();
});

/** Sends the request's headers and the first part of its body now; `finish` sends the rest and reads the answer. */
function halfSentPost(url: string, headers: Record<string, string>, body: string) {
  const request = http.request(url, {
    method: "POST",
    agent: false,
    headers: { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on("response", (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on("error", reject);
  });
  const split = Math.floor(body.length / 2);
  request.write(body.slice(0, split));
  request.flushHeaders();
  return {
    finish: () => {
      request.end(body.slice(split));
      return answer;
    },
  };
}

async function refusesConnections(baseURL: string): Promise<boolean> {
  try {
    await fetch(`${baseURL}/api/health`, { signal: AbortSignal.timeout(2_000) });
    return false;
  } catch {
    return true;
  }
}

test("SIGTERM: new connections are refused, a checkout in flight completes, live streams end cleanly, exit 0, nothing lost", async () => {
  test.setTimeout(60_000);
  const shopper = await newShopper(server.baseURL);
  const mug = await productId(shopper, "stoneware-mug");
  await trpc(shopper, "cart.setItem", { productId: mug, quantity: 2 });
  const stream = new SseClient(stockStreamUrl(server.baseURL, [mug])).start();
  const idempotencyKey = randomUUID();
  try {
    await stream.waitFor(0);
    const checkout = halfSentPost(
      `${server.baseURL}/api/trpc/checkout.placeOrder`,
      { cookie: await cookieHeader(shopper) },
      JSON.stringify({ idempotencyKey, ...shipTo }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));

    const exited = server.stop("SIGTERM");
    await expect.poll(() => stream.cleanEnds, { timeout: 5_000 }).toBeGreaterThanOrEqual(1);
    await expect.poll(() => refusesConnections(server.baseURL), { timeout: 5_000 }).toBe(true);

    const answer = await checkout.finish();
    expect(answer.status, answer.body).toBe(200);
    const placed = (JSON.parse(answer.body) as { result: { data: PlacedOrder } }).result.data;
    expect(placed.order.status).toBe("awaiting_payment");
    expect(placed.paymentUrl).toMatch(/\/test-provider\/pay\/tps_/);

    expect(await exited).toBe(0);
    expect(server.output()).toMatch(/"msg":"shut down"/);
    expect(server.output()).toMatch(/"cut":0/);
  } finally {
    await stream.stop();
  }

  // Back up: the acknowledged order is there, and a retry with the same key gets it back, not a second one.
  await server.restart();
  const [stored] = await database.sql<{ id: string; status: string; items: number }[]>`
    select o.id, o.status, (select count(*)::int from order_items i where i.order_id = o.id) as items
    from orders o where o.idempotency_key = ${idempotencyKey}`;
  expect(stored).toMatchObject({ status: "awaiting_payment", items: 1 });
  const retried = await trpc<PlacedOrder>(shopper, "checkout.placeOrder", { idempotencyKey, ...shipTo });
  expect(retried.order.id).toBe(stored?.id);
});
