import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";

/** True when `taskset` can pin processes to cores on this machine. */
export const canPin = spawnSync("taskset", ["--version"]).status === 0;

/** Runs `command` pinned to `core` when taskset exists, in its own process group. */
export function spawnPinned(core: number | undefined, command: string, args: string[], env: NodeJS.ProcessEnv) {
  const [file, fileArgs] =
    core !== undefined && canPin ? ["taskset", ["-c", String(core), command, ...args]] : [command, args];
  return spawn(file, fileArgs, { detached: true, stdio: ["ignore", "ignore", "inherit"], env });
}

export async function waitForReady(origin: string, deadlineMs = 90_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < deadlineMs) {
    const ok = await fetch(`${origin}/api/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${origin} did not become ready in time`);
}

/** The production server (`npm start`, dist/server.js) from the existing build. */
export function startServer(options: {
  port: number;
  core?: number;
  env: Record<string, string>;
  nodeArgs?: string[];
}): ChildProcess {
  return spawnPinned(options.core, process.execPath, [...(options.nodeArgs ?? []), path.resolve("dist/server.js")], {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(options.port),
    AUTH_TRUST_HOST: "true",
    // Benchmarks send no mail; the mail jobs still run and write one log line each.
    MAIL_TRANSPORT: "log",
    PAYMENT_PROVIDER: "test",
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
    ...options.env,
  });
}

/** Stops a process group started by spawnPinned; safe to call twice. */
export function stopGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): void {
  if (!child.pid || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** The nearest-rank percentile of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/** Pins this process (the load generator) to `core`, away from the server's. */
export function pinSelf(core: number): void {
  if (canPin) spawnSync("taskset", ["-pc", String(core), String(process.pid)]);
}

/** The production server on a bench database with demo data, pinned to core 0; `nodeArgs` is a space-separated flag list. */
export function startBenchServer(options: {
  port: number;
  databaseUrl: string;
  nodeArgs: string;
  env?: Record<string, string>;
}): ChildProcess {
  return startServer({
    port: options.port,
    core: 0,
    env: {
      DATABASE_URL: options.databaseUrl,
      SEED_DEMO_DATA: "true",
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret-bench",
      ...options.env,
    },
    nodeArgs: options.nodeArgs.split(" ").filter(Boolean),
  });
}
