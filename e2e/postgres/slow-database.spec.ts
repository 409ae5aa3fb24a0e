import type { APIRequestContext } from "@playwright/test";
import postgres from "postgres";
import { expect, test } from "../fixtures";
import { newShopper, productId, trpc } from "../lib/api-shopper";
import { startInstance, type Instance } from "../lib/instance";
import { startLatencyProxy, type LatencyProxy } from "../lib/latency-proxy";
import { createE2EDatabase, type E2EDatabase } from "../lib/test-database";

// The app reaches PostgreSQL through a proxy that can add latency, with short timeouts so the bounds show quickly.
const STATEMENT_TIMEOUT_MS = 1_000;
const READ_TIMEOUT_MS = 2_000;
/** What a caller may wait at most for an answer, timeouts plus the time to send it. */
const ANSWER_BOUND_MS = READ_TIMEOUT_MS + 1_000;
const POOL_MAX = 10;

let database: E2EDatabase;
let proxy: LatencyProxy;
let server: Instance;

test.beforeAll(async () => {
  database = await createE2EDatabase();
  const direct = new URL(database.url);
  proxy = await startLatencyProxy({ port: 5498, upstreamPort: Number(direct.port || 5432) });
  const proxied = new URL(database.url);
  proxied.hostname = "127.0.0.1";
  proxied.port = String(proxy.port);
  server = await startInstance({
    port: 3145,
    databaseUrl: proxied.toString(),
    env: {
      DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      READ_TIMEOUT_MS: String(READ_TIMEOUT_MS),
      DATABASE_POOL_MAX: String(POOL_MAX),
    },
  });
});

test.afterAll(async () => {
  await server?.stop("SIGKILL");
  await proxy?.close();
  await database?.drop();
});

interface Timed {
  status: number;
  ms: number;
  body: string;
}

async function timed(api: APIRequestContext, path: string, data?: unknown): Promise<Timed> {
  const started = Date.now();
  const response =
    data === undefined
      ? await api.get(`/api/trpc/${path}`, { timeout: 30_000 })
      : await api.post(`/api/trpc/${path}`, { data, timeout: 30_000 });
  return { status: response.status(), ms: Date.now() - started, body: await response.text() };
}

const catalogPath = `catalog.list?input=${encodeURIComponent(JSON.stringify({ limit: 5 }))}`;

function expectTooSlow(answer: Timed, message: RegExp): void {
  const label = `${answer.status} after ${answer.ms} ms: ${answer.body}`;
  expect(answer.status, label).toBe(503);
  expect(answer.ms, label).toBeLessThan(ANSWER_BOUND_MS);
  expect(answer.body, label).toMatch(message);
  expect(answer.body, label).not.toMatch(/select |canceling statement|at .*\.(ts|js)/i);
}

test("a query stuck behind a lock ends in a clear 503 at the statement timeout, other requests go on, nothing is half-done", async () => {
  test.setTimeout(60_000);
  const shopper = await newShopper(server.baseURL);
  const lamp = await productId(shopper, "brass-desk-lamp");

  const locker = postgres(database.url, { max: 1, onnotice: () => undefined });
  let release: () => void = () => undefined;
  let locked: () => void = () => undefined;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const held = locker.begin(async (tx) => {
    await tx`lock table products in access exclusive mode`;
    locked();
    await new Promise<void>((resolve) => (release = resolve));
  });
  try {
    await isLocked;
    // More stuck reads than the pool has connections, a write that needs the same table, and reads that do not.
    const stuckReads = Array.from({ length: POOL_MAX + 5 }, () => timed(shopper, catalogPath));
    const stuckWrite = timed(shopper, "cart.setItem", { productId: lamp, quantity: 2 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const unrelated = await Promise.all(Array.from({ length: 3 }, () => timed(shopper, "account.me")));

    for (const answer of await Promise.all(stuckReads)) expectTooSlow(answer, /took too long|too slowly/);
    expectTooSlow(await stuckWrite, /nothing was changed/);
    for (const answer of unrelated) {
      expect(answer.status, answer.body).toBe(200);
      expect(answer.ms, "a request that needs no locked row waits at most for a freed connection").toBeLessThan(
        ANSWER_BOUND_MS,
      );
    }
  } finally {
    release();
    await held;
    await locker.end({ timeout: 5 });
  }

  // Lock gone: reads answer again, and the timed-out write left the cart as it was.
  expect((await timed(shopper, catalogPath)).status).toBe(200);
  const cart = await trpc<{ items: unknown[] }>(shopper, "cart.get", undefined, "GET");
  expect(cart.items).toEqual([]);
});

test("a slow network to the database: reads give up at the read timeout with a clear 503, and all recover when it is fast again", async () => {
  test.setTimeout(60_000);
  const shopper = await newShopper(server.baseURL);
  expect((await timed(shopper, catalogPath)).status).toBe(200);

  // 1.5 s each way: every query takes 3 s or more, longer than a read may wait.
  proxy.setLatency(1_500);
  const slowReads = await Promise.all(Array.from({ length: POOL_MAX * 2 }, () => timed(shopper, catalogPath)));
  for (const answer of slowReads) expectTooSlow(answer, /answering too slowly/);

  proxy.setLatency(0);
  const fastAgainAt = Date.now();
  await expect
    .poll(async () => (await timed(shopper, catalogPath)).status, { timeout: 5_000, intervals: [100] })
    .toBe(200);
  expect(Date.now() - fastAgainAt).toBeLessThan(5_000);
  // The pool is whole again: a burst as large as the pool answers at once.
  const burst = await Promise.all(Array.from({ length: POOL_MAX * 2 }, () => timed(shopper, catalogPath)));
  for (const answer of burst) {
    expect(answer.status, answer.body).toBe(200);
    expect(answer.ms).toBeLessThan(ANSWER_BOUND_MS);
  }
});
