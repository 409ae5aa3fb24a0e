import http from "node:http";
import { expect, test } from "../fixtures";
import { buy, newShopper, productId, stockStreamUrl, trpc } from "../lib/api-shopper";
import { startInstance, type Instance } from "../lib/instance";
import { e2eMetricsToken } from "../lib/server-env";
import { SseClient } from "../lib/sse-client";
import { createE2EDatabase, type E2EDatabase } from "../lib/test-database";

// One server with short stream settings, so a maximum duration and pings happen within a test.
const METRICS_TOKEN = e2eMetricsToken;
let database: E2EDatabase;
let server: Instance;

test.beforeAll(async () => {
  database = await createE2EDatabase();
  server = await startInstance({
    port: 3103,
    databaseUrl: database.url,
    env: { SSE_MAX_DURATION_SECONDS: "5", SSE_PING_SECONDS: "1", METRICS_TOKEN },
  });
});

test.afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

async function openSubscriptions(): Promise<number> {
  const response = await fetch(`${server.baseURL}/api/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  expect(response.status).toBe(200);
  const line = (await response.text()).split("\n").find((row) => row.startsWith("storefront_live_subscriptions "));
  return Number(line?.split(" ")[1]);
}

test("an idle stream is pinged, ends at its maximum duration, and the client resumes with no gap and no duplicate", async () => {
  test.setTimeout(40_000);
  const shopper = await newShopper(server.baseURL);
  const { id: mug, stock: initial } = await trpc<{ id: string; stock: number }>(
    shopper,
    "catalog.bySlug",
    { slug: "stoneware-mug" },
    "GET",
  );
  const client = new SseClient(stockStreamUrl(server.baseURL, [mug])).start();
  try {
    await client.waitFor(0);
    expect(client.connectedData).toEqual({ reconnectAfterInactivityMs: 3000 });
    // A purchase every few hundred milliseconds for longer than one stream may live.
    const stockAfter: number[] = [];
    const until = Date.now() + 7_000;
    while (Date.now() < until) {
      await buy(shopper, mug, 1);
      stockAfter.push(initial - stockAfter.length - 1);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await client.waitFor(stockAfter.length, { connections: 2 });
    expect(client.events.map((event) => event.data)).toEqual(
      stockAfter.map((stock) => ({ kind: "stock", productId: mug, stock })),
    );
    const ids = client.events.map((event) => Number(event.id));
    expect(new Set(ids).size).toBe(ids.length);

    // Quiet now: pings keep the stream from looking dead. A 1 s ping gives two within 4 s even when the
    // window spans the 5 s maximum duration and the client's reconnect (CI once saw a single ping in 2.5 s so).
    const pingsBefore = client.pings;
    await expect.poll(() => client.pings - pingsBefore, { timeout: 4_000 }).toBeGreaterThanOrEqual(2);
  } finally {
    await client.stop();
  }
});

test("streams whose clients go away release their subscriptions at once", async () => {
  const baseline = await openSubscriptions();
  const requests: http.ClientRequest[] = [];
  let connected = 0;
  for (let i = 0; i < 50; i++) {
    const request = http.get(`${server.baseURL}/api/trpc/live.stock?input=%7B%7D`, { agent: false }, (response) =>
      response.once("data", () => (connected += 1)),
    );
    request.on("error", () => undefined);
    requests.push(request);
  }
  await expect.poll(() => connected, { timeout: 10_000 }).toBe(50);
  await expect.poll(openSubscriptions, { timeout: 5_000 }).toBe(baseline + 50);
  for (const request of requests) request.destroy();
  await expect.poll(openSubscriptions, { timeout: 5_000 }).toBe(baseline);
});

test("the page says when live updates pause and when they are back, then shows what changed meanwhile", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const shopper = await newShopper(server.baseURL);
  const lamp = await productId(shopper, "brass-desk-lamp");
  await page.goto(`${server.baseURL}/products/brass-desk-lamp`);
  const status = page.getByTestId("live-status");
  await expect(status).toHaveAttribute("data-live-state", "live");
  const stock = page.getByTestId("product-stock");
  const before = await stock.textContent();

  await server.stop();
  await expect(status).toContainText("Live updates paused");
  await server.restart();
  await buy(shopper, lamp, 2);
  await expect(status).toContainText("Live updates are back", { timeout: 20_000 });
  await expect(stock).not.toHaveText(before ?? "");
});
