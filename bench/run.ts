/**
 * npm run bench — load-tests the production server on loopback only.
 * Needs `npm run build` first. Starts `next start` on BENCH_PORT (3200) with
 * its own embedded database (or DATABASE_URL when set), then runs autocannon
 * against each scenario for BENCH_SECONDS (10) and stops everything.
 */
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { z } from "zod";

const settings = z
  .object({
    BENCH_PORT: z.coerce.number().int().min(1024).max(65535).default(3200),
    BENCH_SECONDS: z.coerce.number().int().min(1).max(120).default(10),
    BENCH_CONNECTIONS: z.coerce.number().int().min(1).max(500).default(20),
    AUTH_SECRET: z.string().min(32).default("bench-secret-bench-secret-bench-secret-bench"),
  })
  .parse(process.env);
const { BENCH_PORT: port, BENCH_SECONDS: seconds, BENCH_CONNECTIONS: connections } = settings;
const origin = `http://127.0.0.1:${port}`;
const dataDir = ".data/bench";

function startServer() {
  rmSync(dataDir, { recursive: true, force: true });
  return spawn(process.execPath, [path.resolve("dist/server.js")], {
    detached: true,
    stdio: "ignore",
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      PGLITE_DIR: dataDir,
      AUTH_SECRET: settings.AUTH_SECRET,
      AUTH_TRUST_HOST: "true",
      SEED_DEMO_DATA: "true",
      LOG_LEVEL: "warn",
    },
  });
}

async function waitForHealth(deadlineMs = 60_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < deadlineMs) {
    const ok = await fetch(`${origin}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the server did not become healthy in time");
}

/** Signs the demo shopper in through Auth.js and returns the session cookie. */
async function sessionCookie(): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ email: "shopper@storefront.test", password: "storefront-demo", csrfToken }),
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in failed with status ${response.status}`);
  return session.split(";")[0] ?? "";
}

interface Scenario {
  name: string;
  path: string;
  headers?: Record<string, string>;
}

async function measure(scenario: Scenario) {
  const result = await autocannon({
    url: `${origin}${scenario.path}`,
    connections,
    duration: seconds,
    headers: scenario.headers,
  });
  return {
    scenario: scenario.name,
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

const server = startServer();
let stopped = false;
const stop = () => {
  if (stopped || !server.pid) return;
  stopped = true;
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    // Already gone.
  }
};
process.on("exit", stop);

try {
  await waitForHealth();
  const cookie = await sessionCookie();
  const input = (value: unknown) => encodeURIComponent(JSON.stringify(value));
  const scenarios: Scenario[] = [
    { name: "health (db round trip, no tRPC)", path: "/api/health" },
    { name: "catalog.list anonymous", path: `/api/trpc/catalog.list?input=${input({ limit: 20 })}` },
    { name: "account.me signed in", path: "/api/trpc/account.me", headers: { cookie } },
    {
      name: "catalog.list signed in",
      path: `/api/trpc/catalog.list?input=${input({ limit: 20 })}`,
      headers: { cookie },
    },
  ];
  // Warm up every route once so compilation and first queries are not measured.
  for (const scenario of scenarios) await fetch(`${origin}${scenario.path}`, { headers: scenario.headers });
  const results = [];
  for (const scenario of scenarios) {
    const result = await measure(scenario);
    results.push(result);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(
    "bench/results/latest.json",
    JSON.stringify({ date: new Date().toISOString(), seconds, connections, results }, null, 2),
  );
  console.table(results);
} finally {
  stop();
}
