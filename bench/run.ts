/**
 * npm run bench — the app side by side with L0, its practical limit (needs
 * `npm run build` first and a PostgreSQL server, BENCH_POSTGRES_URL).
 *
 * Creates a fresh database, starts the production server and the L0 baseline
 * (bench/baseline/l0-server.ts) pinned to core 0, pins itself (the load
 * generator) to core 1 where taskset exists, and runs every scenario for
 * BENCH_SECONDS with BENCH_CONNECTIONS connections, BENCH_PASSES times,
 * forward then reverse. Each scenario's rate is divided by L0's rate of the
 * same pass. Loopback only; everything is stopped and dropped at the end.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { createBenchDatabase } from "./lib/database";
import { load, type LoadResult, type Target } from "./lib/load";
import { canPin, percentile, pinSelf, spawnPinned, startBenchServer, stopGroup, waitForReady } from "./lib/server";
import { placeOrders, signIn } from "./lib/shopper";
import { treeStats } from "./lib/process-stats";

const settings = z
  .object({
    BENCH_PORT: z.coerce.number().int().min(1024).max(65535).default(3200),
    BENCH_L0_PORT: z.coerce.number().int().min(1024).max(65535).default(3290),
    BENCH_SECONDS: z.coerce.number().int().min(1).max(120).default(5),
    BENCH_PASSES: z.coerce.number().int().min(1).max(20).default(4),
    BENCH_CONNECTIONS: z.coerce.number().int().min(1).max(500).default(32),
    BENCH_POSTGRES_URL: z.url().default("postgres://postgres@127.0.0.1:5432/postgres"),
    /** Extra node flags for the app server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof". */
    BENCH_SERVER_NODE_ARGS: z.string().default(""),
    /** Only the scenarios whose names contain this (L0 always runs). */
    BENCH_ONLY: z.string().default(""),
  })
  .parse(process.env);

const origin = `http://127.0.0.1:${settings.BENCH_PORT}`;
const l0Origin = `http://127.0.0.1:${settings.BENCH_L0_PORT}`;
const RSS_TARGET_MB = 250;

const metLabel = (goal: number | undefined, worstRatio: number) =>
  goal === undefined ? "" : worstRatio >= goal ? "yes" : "NO";

interface Scenario {
  name: string;
  /** The ratio to L0 the issue asks for; none for L0 itself. */
  goal?: number;
  request: Target;
}

pinSelf(1);
const database = await createBenchDatabase(settings.BENCH_POSTGRES_URL);
const app = startBenchServer({
  port: settings.BENCH_PORT,
  databaseUrl: database.url,
  nodeArgs: settings.BENCH_SERVER_NODE_ARGS,
  // The limiter stays in the path (its cost is measured) without refusing the load.
  env: { RATE_LIMIT_SCALE: "10000" },
});
let l0: ReturnType<typeof spawnPinned> | undefined;
const stop = () => {
  stopGroup(app);
  if (l0) stopGroup(l0);
};
process.on("exit", stop);

try {
  await waitForReady(origin);
  // L0 starts once the app has migrated and seeded the database it reads.
  l0 = spawnPinned(0, process.execPath, ["--import", "tsx", path.resolve("bench/baseline/l0-server.ts")], {
    ...process.env,
    DATABASE_URL: database.url,
    PORT: String(settings.BENCH_L0_PORT),
  });
  await waitForReady(l0Origin);
  if (!app.pid || !l0.pid) throw new Error("a server did not start");
  const appPid = app.pid;
  const l0Pid = l0.pid;

  const cookie = await signIn(origin, "shopper@storefront.test", "storefront-demo");
  const catalog = (await (await fetch(`${origin}/api/v1/products?limit=50`)).json()) as {
    items: { id: string; slug: string; stock: number }[];
  };
  const product = catalog.items.find((item) => item.stock >= 20);
  if (!product) throw new Error("no product has 20 in stock");
  await placeOrders(origin, cookie, product.id, 20);

  const trpc = (procedure: string, input: unknown) =>
    `${origin}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;
  const signedIn = { cookie };
  const scenarios: Scenario[] = [
    { name: "L0 bare node + postgres.js", request: { pid: l0Pid, url: `${l0Origin}/` } },
    {
      name: "catalog.list anonymous",
      goal: 0.16,
      request: { pid: appPid, url: trpc("catalog.list", { limit: 20 }) },
    },
    {
      name: "orders.list (20 rows) signed in",
      goal: 0.1,
      request: { pid: appPid, url: trpc("orders.list", { limit: 20 }), headers: signedIn },
    },
    { name: "/ anonymous", goal: 0.3, request: { pid: appPid, url: `${origin}/` } },
    {
      name: "/products/[slug] anonymous",
      goal: 0.3,
      request: { pid: appPid, url: `${origin}/products/${product.slug}` },
    },
    {
      name: "/orders signed in",
      goal: 0.05,
      request: { pid: appPid, url: `${origin}/orders`, headers: signedIn },
    },
  ].filter((scenario) => !scenario.goal || scenario.name.includes(settings.BENCH_ONLY));

  const options = { connections: settings.BENCH_CONNECTIONS, seconds: settings.BENCH_SECONDS };
  // Warm-up, unmeasured: JIT, caches, connection pools, the pages' first render.
  for (const scenario of scenarios) await load(scenario.request, { ...options, seconds: 2 });

  const runs = new Map<string, { result: LoadResult; ratio: number }[]>(scenarios.map((s) => [s.name, []]));
  for (let pass = 0; pass < settings.BENCH_PASSES; pass += 1) {
    const order = pass % 2 === 0 ? scenarios : [...scenarios].reverse();
    const results = new Map<string, LoadResult>();
    for (const scenario of order) {
      const result = await load(scenario.request, options);
      if (result.failures > 0) throw new Error(`${scenario.name}: ${result.failures} failed requests`);
      results.set(scenario.name, result);
    }
    const baseline = results.get(scenarios[0]!.name)!.requestsPerSecond;
    for (const [name, result] of results) {
      runs.get(name)!.push({ result, ratio: result.requestsPerSecond / baseline });
      process.stdout.write(
        `pass ${pass + 1} ${name.padEnd(34)} ${String(result.requestsPerSecond).padStart(6)} req/s ` +
          `${(result.requestsPerSecond / baseline).toFixed(3)} × L0  ${result.cpuMsPerRequest.toFixed(2)} ms CPU/req\n`,
      );
    }
  }

  const median = (values: number[]) => percentile(values, 50);
  const rows = scenarios.map((scenario) => {
    const passes = runs.get(scenario.name)!;
    const ratios = passes.map((p) => p.ratio);
    return {
      scenario: scenario.name,
      "req/s": median(passes.map((p) => p.result.requestsPerSecond)),
      "× L0 (median)": Number(median(ratios).toFixed(3)),
      "× L0 (worst)": Number(Math.min(...ratios).toFixed(3)),
      target: scenario.goal ?? "",
      "p50 ms": median(passes.map((p) => p.result.latencyP50Ms)),
      "p99 ms": median(passes.map((p) => p.result.latencyP99Ms)),
      "CPU ms/req": Number(median(passes.map((p) => p.result.cpuMsPerRequest)).toFixed(2)),
      met: metLabel(scenario.goal, Math.min(...ratios)),
    };
  });
  const rssMb = Math.round(treeStats(appPid).rssBytes / 1024 / 1024);
  console.table(rows);
  console.log(
    `app RSS after the load: ${rssMb} MB (target ≤ ${RSS_TARGET_MB} MB: ${rssMb <= RSS_TARGET_MB ? "met" : "NOT met"})`,
  );
  if (!canPin) console.log("taskset is missing: server and load generator shared the cores; ratios are less reliable.");

  mkdirSync("bench/results", { recursive: true });
  writeFileSync(
    "bench/results/latest.json",
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: `${os.cpus().length} × ${os.cpus()[0]?.model}`,
        settings,
        rows,
        rssMb,
      },
      null,
      2,
    ),
  );
} finally {
  stop();
  await database.drop().catch(() => undefined);
}
