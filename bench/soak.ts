/**
 * npm run bench:soak — mixed shopper traffic for BENCH_SOAK_SECONDS (600) against
 * `next start` on PostgreSQL (needs `npm run build` first): pages, search, cart,
 * checkout, cancel, order lists, and live streams opened and dropped. Every
 * answer must be a 2xx; server RSS after warm-up must grow less than 10 %
 * (average of the first third of the samples against the last third);
 * live subscriptions and database connections must be back at their baseline
 * at the end. Loopback only; it stops by itself and exits non-zero on a miss.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { connect } from "@/server/db/connect";
import { selectRows } from "@/server/db/rows";
import { createBenchDatabase } from "./lib/database";
import { treeStats } from "./lib/process-stats";
import { canPin, pinSelf, startBenchServer, stopGroup, waitForReady } from "./lib/server";
import { signIn } from "./lib/shopper";
import { readSse } from "./lib/sse-reader";
import { shipTo } from "../tests/support/shipping";

const settings = z
  .object({
    BENCH_PORT: z.coerce.number().int().default(3230),
    BENCH_SOAK_SECONDS: z.coerce.number().int().min(10).max(86_400).default(600),
    BENCH_SOAK_WARMUP_SECONDS: z.coerce.number().int().min(5).default(120),
    BENCH_SOAK_SHOPPERS: z.coerce.number().int().min(1).max(200).default(12),
    BENCH_POSTGRES_URL: z.url().default("postgres://postgres@127.0.0.1:5432/postgres"),
    BENCH_SERVER_NODE_ARGS: z.string().default(""),
  })
  .parse(process.env);

const origin = `http://127.0.0.1:${settings.BENCH_PORT}`;
const METRICS_TOKEN = "soak-metrics-token-soak-metrics-token";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
pinSelf(1);

interface Shopper {
  cookie: string;
  placedOrders: string[];
}

const counts: Record<string, number> = {};
const errors: string[] = [];

async function call(action: string, path: string, init: RequestInit = {}): Promise<unknown> {
  counts[action] = (counts[action] ?? 0) + 1;
  try {
    const response = await fetch(`${origin}${path}`, { ...init, signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    if (!response.ok) errors.push(`${action}: ${response.status} ${text.slice(0, 200)}`);
    return path.startsWith("/api/") && response.ok ? (JSON.parse(text) as unknown) : undefined;
  } catch (error) {
    errors.push(`${action}: ${String(error)}`);
    return undefined;
  }
}

function trpcGet(action: string, shopper: Shopper, procedure: string, input: unknown) {
  const query = encodeURIComponent(JSON.stringify(input));
  return call(action, `/api/trpc/${procedure}?input=${query}`, { headers: { cookie: shopper.cookie } });
}

function trpcPost(action: string, shopper: Shopper, procedure: string, input: unknown) {
  return call(action, `/api/trpc/${procedure}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: shopper.cookie, origin },
    body: JSON.stringify(input),
  });
}

/** Values of unlabelled series from the server's /api/metrics, by name. */
async function metrics<Name extends string>(...names: Name[]): Promise<Record<Name, number>> {
  const response = await fetch(`${origin}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const rows = (await response.text()).split("\n");
  const value = (name: string) => Number(rows.find((row) => row.startsWith(`${name} `))?.split(" ")[1] ?? Number.NaN);
  return Object.fromEntries(names.map((name) => [name, value(name)])) as Record<Name, number>;
}

async function metric<Name extends string>(name: Name): Promise<number> {
  const values = await metrics(name);
  return values[name];
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T;
}

const database = await createBenchDatabase(settings.BENCH_POSTGRES_URL);
const server = startBenchServer({
  port: settings.BENCH_PORT,
  databaseUrl: database.url,
  nodeArgs: settings.BENCH_SERVER_NODE_ARGS,
  env: { METRICS_TOKEN, RATE_LIMIT_SCALE: "10000" },
});
const app = await connect({ kind: "postgres", url: database.url, max: 2 });

// connect() names its sessions "storefront <host> <pid>": this process's own are not the server's.
const ownApplicationName = `storefront ${hostname()} ${process.pid}`.slice(0, 63);

/** The server's sessions on its (bench-only) database: pool connections and the one LISTEN connection. */
async function serverConnections(): Promise<{ total: number; listening: number }> {
  const [row] = await selectRows<{ total: number; listening: number }>(
    app.db,
    sql`select count(*)::int as total, count(*) filter (where query ilike 'listen%')::int as listening
        from pg_stat_activity where datname = current_database() and application_name <> ${ownApplicationName}`,
  );
  return row ?? { total: 0, listening: 0 };
}

const stopAt = Date.now() + settings.BENCH_SOAK_SECONDS * 1000;
const streams = new Set<AbortController>();

/** One shopper's session: a weighted mix of everything a shopper does, back to back. */
async function shop(shopper: Shopper, catalog: { id: string; slug: string }[]): Promise<void> {
  const actions: [number, () => Promise<unknown>][] = [
    [10, () => call("page /", "/")],
    [15, () => call("page /products/[slug]", `/products/${pick(catalog).slug}`)],
    [20, () => trpcGet("search", shopper, "catalog.list", { q: pick(["mug", "lamp", "bag", "plant", "tea"]) })],
    [10, () => trpcGet("orders.list", shopper, "orders.list", {})],
    [
      25,
      async () => {
        await trpcPost("cart.setItem", shopper, "cart.setItem", { productId: pick(catalog).id, quantity: 1 });
        const order = (await trpcPost("checkout", shopper, "checkout.placeOrder", {
          idempotencyKey: randomUUID(),
          ...shipTo,
        })) as { result?: { data?: { order: { id: string } } } } | undefined;
        const id = order?.result?.data?.order.id;
        if (id) shopper.placedOrders.push(id);
      },
    ],
    [
      8,
      async () => {
        const id = shopper.placedOrders.shift();
        if (id) await trpcPost("orders.cancel", shopper, "orders.cancel", { id });
      },
    ],
    [
      12,
      async () => {
        counts["live stream"] = (counts["live stream"] ?? 0) + 1;
        const controller = new AbortController();
        streams.add(controller);
        const input = encodeURIComponent(JSON.stringify({ productIds: [pick(catalog).id] }));
        const following = readSse(`${origin}/api/trpc/live.stock?input=${input}`, controller.signal, {
          onConnected: () => undefined,
          onData: () => undefined,
        }).catch((error: unknown) => errors.push(`live stream: ${String(error)}`));
        await sleep(500 + Math.random() * 2_500);
        controller.abort();
        streams.delete(controller);
        await following;
      },
    ],
  ];
  const total = actions.reduce((sum, [weight]) => sum + weight, 0);
  while (Date.now() < stopAt) {
    let roll = Math.random() * total;
    const action = actions.find(([weight]) => (roll -= weight) < 0) ?? actions[0];
    await action?.[1]();
  }
}

interface Sample {
  second: number;
  rssMB: number;
  /** V8's live heap and memory held outside it (buffers): flat while RSS climbs means no leak in JavaScript. */
  heapUsedMB: number;
  externalMB: number;
  cpuSeconds: number;
  subscriptions: number;
}

try {
  await waitForReady(origin);
  if (!server.pid) throw new Error("no server");
  // Enough stock that no checkout meets an empty shelf: an out-of-stock answer would be counted as an error.
  await app.db.execute(sql`update products set stock = 1000000 where active`);
  const catalog = await selectRows<{ id: string; slug: string }>(
    app.db,
    sql`select id::text, slug from products where active`,
  );
  // One stream first: the event bus starts listening with the first subscriber and keeps that one connection.
  const warmStream = new AbortController();
  let warmConnected = false;
  const warmInput = encodeURIComponent(JSON.stringify({ productIds: [catalog[0]?.id] }));
  const warm = readSse(`${origin}/api/trpc/live.stock?input=${warmInput}`, warmStream.signal, {
    onConnected: () => (warmConnected = true),
    onData: () => undefined,
  }).catch(() => undefined);
  while (!warmConnected) await sleep(50);
  warmStream.abort();
  await warm;
  await sleep(1_000);
  const baseline = { subscriptions: await metric("storefront_live_subscriptions"), ...(await serverConnections()) };

  const shoppers: Shopper[] = [];
  for (let index = 0; index < settings.BENCH_SOAK_SHOPPERS; index += 1) {
    const email = `soak-${randomUUID()}@example.test`;
    const password = "a long soak password";
    await call("sign-up", "/api/trpc/auth.signUp", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password, name: "Soak Shopper" }),
    });
    shoppers.push({ cookie: await signIn(origin, email, password), placedOrders: [] });
  }

  const started = Date.now();
  const samples: Sample[] = [];
  const sampler = setInterval(() => {
    const stats = treeStats(server.pid ?? 0);
    const toMB = (bytes: number) => Math.round(bytes / 1048576);
    void metrics("storefront_live_subscriptions", "nodejs_heap_size_used_bytes", "nodejs_external_memory_bytes").then(
      (values) =>
        samples.push({
          second: Math.round((Date.now() - started) / 1000),
          rssMB: toMB(stats.rssBytes),
          heapUsedMB: toMB(values.nodejs_heap_size_used_bytes),
          externalMB: toMB(values.nodejs_external_memory_bytes),
          cpuSeconds: stats.cpuSeconds,
          subscriptions: values.storefront_live_subscriptions,
        }),
    );
  }, 10_000);
  await Promise.all(shoppers.map((shopper) => shop(shopper, catalog)));
  clearInterval(sampler);
  for (const controller of streams) controller.abort();
  await sleep(3_000);

  const end = { subscriptions: await metric("storefront_live_subscriptions"), ...(await serverConnections()) };
  // RSS follows V8's garbage-collection sawtooth (a cycle of a minute or two here), so a short window reads
  // the phase of the cycle, not a trend: compare the first and the last third after warm-up, each spanning cycles.
  const measured = samples.filter((sample) => sample.second >= settings.BENCH_SOAK_WARMUP_SECONDS);
  const third = Math.max(1, Math.floor(measured.length / 3));
  const [first, last] = [measured.slice(0, third), measured.slice(-third)];
  const average = (list: Sample[]) => list.reduce((sum, sample) => sum + sample.rssMB, 0) / Math.max(1, list.length);
  const [afterWarmUp, atEnd] = [average(first), average(last)];
  // The lowest heap reading of a third is close to what survives a full collection: the live data.
  const heapFloor = (list: Sample[]) => Math.min(...list.map((sample) => sample.heapUsedMB));
  const requests = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const cpu = (samples.at(-1)?.cpuSeconds ?? 0) - (samples[0]?.cpuSeconds ?? 0);
  const result = {
    date: new Date().toISOString(),
    pinned: canPin,
    seconds: settings.BENCH_SOAK_SECONDS,
    shoppers: settings.BENCH_SOAK_SHOPPERS,
    requests,
    counts,
    errors: errors.length,
    firstErrors: errors.slice(0, 20),
    rssAfterWarmUpMB: Math.round(afterWarmUp),
    rssAtEndMB: Math.round(atEnd),
    rssGrowthPercent: Number((((atEnd - afterWarmUp) / afterWarmUp) * 100).toFixed(1)),
    rssMaxMB: Math.max(...samples.map((sample) => sample.rssMB)),
    rssPeakFirstThirdMB: Math.max(...first.map((sample) => sample.rssMB)),
    rssPeakLastThirdMB: Math.max(...last.map((sample) => sample.rssMB)),
    heapFloorFirstThirdMB: heapFloor(first),
    heapFloorLastThirdMB: heapFloor(last),
    serverCpuMsPerRequest: Number(((cpu * 1000) / Math.max(1, requests)).toFixed(2)),
    baseline,
    end,
    samples,
  };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/soak.json", JSON.stringify(result, null, 2));
  const { samples: _samples, counts: _counts, ...summary } = result;
  console.log(JSON.stringify(summary, null, 2));
  console.table(counts);
  const missed = [
    result.errors > 0 && `${result.errors} errors`,
    result.rssGrowthPercent >= 10 && `RSS grew ${result.rssGrowthPercent} % after warm-up`,
    end.subscriptions !== baseline.subscriptions &&
      `live subscriptions ${baseline.subscriptions} → ${end.subscriptions}`,
    end.listening !== baseline.listening && `listeners ${baseline.listening} → ${end.listening}`,
  ].filter(Boolean);
  if (missed.length > 0) {
    console.error(`soak missed: ${missed.join("; ")}`);
    process.exitCode = 1;
  }
} finally {
  stopGroup(server, "SIGINT");
  await app.close();
  await sleep(500);
  await database.drop();
}
