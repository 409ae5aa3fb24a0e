/**
 * npm run bench:live — live updates under load, against `next start` on PostgreSQL
 * (needs `npm run build` first). Opens BENCH_SUBSCRIBERS (200) live.stock streams
 * on one instance, measures the server's memory per idle subscription, then
 * commits BENCH_COMMITS (100) stock changes through the app's own publish path
 * and measures commit-to-client latency for every subscriber. Loopback only;
 * the server is pinned to core 0 and this process to core 1 where taskset exists.
 */
import { setMaxListeners } from "node:events";
import { mkdirSync, writeFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { connect } from "@/server/db/connect";
import { products } from "@/server/db/schema";
import { publishEvents } from "@/server/events/publish";
import { createBenchDatabase } from "./lib/database";
import { treeStats } from "./lib/process-stats";
import { readSse } from "./lib/sse-reader";
import { canPin, percentile, pinSelf, startBenchServer, stopGroup, waitForReady } from "./lib/server";

const settings = z
  .object({
    BENCH_PORT: z.coerce.number().int().default(3210),
    BENCH_SUBSCRIBERS: z.coerce.number().int().min(1).max(5_000).default(200),
    BENCH_COMMITS: z.coerce.number().int().min(1).max(10_000).default(100),
    BENCH_POSTGRES_URL: z.url().default("postgres://postgres@127.0.0.1:5432/postgres"),
    /** Extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it. */
    BENCH_SERVER_NODE_ARGS: z.string().default(""),
  })
  .parse(process.env);

const origin = `http://127.0.0.1:${settings.BENCH_PORT}`;
pinSelf(1);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const database = await createBenchDatabase(settings.BENCH_POSTGRES_URL);
const server = startBenchServer({
  port: settings.BENCH_PORT,
  databaseUrl: database.url,
  nodeArgs: settings.BENCH_SERVER_NODE_ARGS,
});
const app = await connect({ kind: "postgres", url: database.url, max: 2 });
const controller = new AbortController();
// Every subscriber's request listens on this one signal.
setMaxListeners(settings.BENCH_SUBSCRIBERS + 10, controller.signal);

try {
  await waitForReady(origin);
  const [product] = await app.db.select({ id: products.id, stock: products.stock }).from(products).limit(1);
  if (!product || !server.pid) throw new Error("no product or no server");
  const streamUrl = `${origin}/api/trpc/live.stock?input=${encodeURIComponent(JSON.stringify({ productIds: [product.id] }))}`;

  let stock = product.stock;
  async function commitStockChange(): Promise<number> {
    stock += 1;
    const value = stock;
    await app.db.transaction(async (tx) => {
      await tx.update(products).set({ stock: value }).where(eq(products.id, product!.id));
      await publishEvents(tx, [{ topic: "stock.changed", payload: { productId: product!.id, stock: value } }]);
    });
    return value;
  }

  // Warm up: the first subscription starts the event bus, the first events compile nothing twice.
  const warm = new AbortController();
  let warmConnected = 0;
  void readSse(streamUrl, warm.signal, { onConnected: () => (warmConnected += 1), onData: () => undefined }).catch(
    () => undefined,
  );
  while (warmConnected === 0) await sleep(50);
  for (let i = 0; i < 5; i++) await commitStockChange();
  await sleep(500);
  warm.abort();
  await sleep(2_000);
  const idleBefore = treeStats(server.pid).rssBytes;

  // Open the subscribers; each records when it saw each stock value.
  const arrivals = new Map<number, number[]>();
  let connected = 0;
  for (let i = 0; i < settings.BENCH_SUBSCRIBERS; i++) {
    void readSse(streamUrl, controller.signal, {
      onConnected: () => (connected += 1),
      onData: (data, at) => {
        const value = (data as { stock?: number }).stock;
        if (typeof value === "number") (arrivals.get(value) ?? arrivals.set(value, []).get(value)!).push(at);
      },
    }).catch(() => undefined);
  }
  while (connected < settings.BENCH_SUBSCRIBERS) await sleep(50);
  await sleep(3_000);
  const idleAfter = treeStats(server.pid).rssBytes;
  let cpuBefore = 0;

  const latencies: number[] = [];
  const slowestPerCommit: number[] = [];
  let incomplete = 0;
  // The first rounds with every subscriber attached warm the fan-out path up; they are not measured.
  const warmUpRounds = 20;
  for (let i = 0; i < warmUpRounds + settings.BENCH_COMMITS; i++) {
    if (i === warmUpRounds) cpuBefore = treeStats(server.pid).cpuSeconds;
    const value = await commitStockChange();
    const committedAt = performance.now();
    const deadline = Date.now() + 5_000;
    while ((arrivals.get(value)?.length ?? 0) < settings.BENCH_SUBSCRIBERS && Date.now() < deadline) await sleep(2);
    const seen = arrivals.get(value) ?? [];
    if (i < warmUpRounds) continue;
    if (seen.length < settings.BENCH_SUBSCRIBERS) incomplete += 1;
    for (const at of seen) latencies.push(Math.max(0, at - committedAt));
    slowestPerCommit.push(Math.max(...seen.map((at) => at - committedAt)));
    await sleep(20);
  }
  const cpuAfter = treeStats(server.pid).cpuSeconds;

  const result = {
    date: new Date().toISOString(),
    pinned: canPin,
    subscribers: settings.BENCH_SUBSCRIBERS,
    commits: settings.BENCH_COMMITS,
    deliveries: latencies.length,
    incompleteCommits: incomplete,
    latencyP50Ms: Number(percentile(latencies, 50).toFixed(2)),
    latencyP99Ms: Number(percentile(latencies, 99).toFixed(2)),
    latencyMaxMs: Number(Math.max(...latencies).toFixed(2)),
    lastSubscriberP50Ms: Number(percentile(slowestPerCommit, 50).toFixed(2)),
    rssIdleMB: Math.round(idleBefore / 1048576),
    rssWithSubscribersMB: Math.round(idleAfter / 1048576),
    kbPerIdleSubscription: Math.round((idleAfter - idleBefore) / 1024 / settings.BENCH_SUBSCRIBERS),
    serverCpuMsPerDelivery: Number((((cpuAfter - cpuBefore) * 1000) / Math.max(1, latencies.length)).toFixed(3)),
  };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/live.json", JSON.stringify(result, null, 2));
  console.table([result]);
} finally {
  controller.abort();
  stopGroup(server, "SIGINT");
  await app.close();
  await sleep(500);
  await database.drop();
}
