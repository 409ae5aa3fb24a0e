import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

export interface DevServer {
  baseURL: string;
  /** Everything `next dev` printed so far. */
  output: () => string;
  stop: () => Promise<void>;
}

const nextEntry = path.resolve("node_modules", "next", "dist", "bin", "next");

/**
 * `next dev` as `npm run dev` runs it on a fresh machine: the embedded database in a
 * directory of its own, demo data, no mail server and no other setting.
 */
export async function startDevServer({ port, dataDir }: { port: number; dataDir: string }): Promise<DevServer> {
  rmSync(dataDir, { recursive: true, force: true });
  // Empty means "not set" to the app: nothing from the test run's own environment leaks in.
  const unset = { DATABASE_URL: "", SMTP_URL: "", MAIL_TRANSPORT: "", AUTH_URL: "", LOG_LEVEL: "" };
  const child = spawn(process.execPath, [nextEntry, "dev", "--port", String(port)], {
    env: { ...process.env, ...unset, NODE_ENV: "development", PGLITE_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const baseURL = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next dev exited with ${child.exitCode}:\n${log}`);
    const ready = await fetch(`${baseURL}/api/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`next dev did not become ready:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    baseURL,
    output: () => log,
    stop: async () => {
      if (child.exitCode !== null || !child.pid) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid, "SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
