import postgres from "postgres";
import { expect, test } from "../fixtures";
import { buy, cookieHeader, newShopper, productId, stockStreamUrl } from "../lib/api-shopper";
import { startInstance, type Instance } from "../lib/instance";
import { startOwnPostgres, type OwnPostgres } from "../lib/own-postgres";
import { SseClient } from "../lib/sse-client";

// PostgreSQL stopped for 10 s under load and started again: the app fails fast, stays up and comes back.
const OUTAGE_MS = 10_000;
const FAIL_FAST_MS = 3_000;
const RECOVERY_MS = 5_000;
const PURCHASES_AFTER = 3;

let cluster: OwnPostgres;
let server: Instance;

test.beforeAll(async () => {
  cluster = startOwnPostgres(5497);
  server = await startInstance({ port: 3144, databaseUrl: cluster.url });
});

test.afterAll(async () => {
  await server?.stop("SIGKILL");
  cluster?.dispose();
});

interface Probe {
  what: string;
  startedAt: number;
  ms: number;
  /** 0 when no HTTP answer came at all. */
  status: number;
  body: string;
  retryAfter: string | null;
}

async function probe(what: string, url: string, init?: RequestInit): Promise<Probe> {
  const startedAt = Date.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
    const body = await response.text();
    const retryAfter = response.headers.get("retry-after");
    return { what, startedAt, ms: Date.now() - startedAt, status: response.status, body, retryAfter };
  } catch (error) {
    return { what, startedAt, ms: Date.now() - startedAt, status: 0, body: String(error), retryAfter: null };
  }
}

/** A mix of reads and writes on both faces every 200 ms, until stopped; every answer is recorded. */
function startLoad(baseURL: string, cookie: string, product: string) {
  const probes: Probe[] = [];
  let running = true;
  const trpcInput = encodeURIComponent(JSON.stringify({ limit: 5 }));
  const loop = (async () => {
    while (running) {
      probes.push(
        ...(await Promise.all([
          probe("REST catalog", `${baseURL}/api/v1/products?limit=5`),
          probe("tRPC catalog", `${baseURL}/api/trpc/catalog.list?input=${trpcInput}`),
          probe("tRPC cart write", `${baseURL}/api/trpc/cart.setItem`, {
            method: "POST",
            headers: { "content-type": "application/json", cookie },
            body: JSON.stringify({ productId: product, quantity: 1 }),
          }),
        ])),
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  return {
    probes,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

/** The contract's error for "try again later": a 503, Retry-After, the error code, a message, nothing internal. */
function expectServiceUnavailable(answer: Probe): void {
  const label = `${answer.what} at +${answer.startedAt}: ${answer.status} ${answer.body}`;
  expect(answer.status, label).toBe(503);
  expect(answer.ms, label).toBeLessThan(FAIL_FAST_MS);
  expect(answer.body, label).toContain("SERVICE_UNAVAILABLE");
  expect(answer.body, label).not.toMatch(/select |insert |ECONNREFUSED|at .*\.(ts|js)/i);
  if (answer.what !== "readiness") expect(answer.retryAfter, label).toBe("2");
}

test("a 10 s database outage under load: fast 503s, not ready, never down, back within 5 s, live streams resume without a gap", async () => {
  test.setTimeout(90_000);
  const buyer = await newShopper(server.baseURL);
  const browser = await newShopper(server.baseURL);
  const mug = await productId(buyer, "stoneware-mug");
  const lamp = await productId(buyer, "brass-desk-lamp");
  const stream = new SseClient(stockStreamUrl(server.baseURL, [mug])).start();
  const load = startLoad(server.baseURL, await cookieHeader(browser), lamp);
  const readiness: Probe[] = [];
  try {
    await stream.waitFor(0);
    await buy(buyer, mug, 1);
    await stream.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    cluster.stop();
    const downAt = Date.now();
    // A blip on the stream too: it must come back from its last event id once the database does.
    stream.dropConnection();
    while (Date.now() < downAt + OUTAGE_MS) {
      readiness.push(await probe("readiness", `${server.baseURL}/api/ready`));
      const health = await probe("liveness", `${server.baseURL}/api/health`);
      expect(health.status, "the process answers throughout").toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    cluster.start();
    const upAt = Date.now();

    let readyAt: number | undefined;
    while (!readyAt && Date.now() < upAt + RECOVERY_MS) {
      if ((await probe("readiness", `${server.baseURL}/api/ready`)).status === 200) readyAt = Date.now();
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(readyAt, "ready again within 5 s of the database's return").toBeDefined();

    for (let purchase = 0; purchase < PURCHASES_AFTER; purchase += 1) await buy(buyer, mug, 1);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, upAt + RECOVERY_MS + 2_000 - Date.now())));
    await load.stop();

    const during = load.probes.filter((answer) => answer.startedAt >= downAt && answer.startedAt + answer.ms <= upAt);
    expect(during.length, "the load went on through the outage").toBeGreaterThan(30);
    during.forEach(expectServiceUnavailable);
    readiness.forEach(expectServiceUnavailable);

    const after = load.probes.filter((answer) => answer.startedAt >= upAt + RECOVERY_MS);
    expect(after.length).toBeGreaterThan(5);
    for (const answer of after) expect(answer.status, `${answer.what}: ${answer.body}`).toBe(200);

    // Every stock event of the mug, in order, exactly once: the one before, and those after the outage.
    await stream.waitFor(1 + PURCHASES_AFTER, { connections: 2 });
    expect(stream.events.map((event) => event.id)).toEqual(await storedStockEventIds(mug));
  } finally {
    await load.stop();
    await stream.stop();
  }
});

async function storedStockEventIds(product: string): Promise<string[]> {
  const sql = postgres(cluster.url, { max: 1, onnotice: () => undefined });
  try {
    const rows = await sql<{ id: string }[]>`
      select id::text from events where topic = 'stock.changed' and payload->>'productId' = ${product} order by events.id`;
    return rows.map((row) => row.id);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
