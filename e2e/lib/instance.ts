import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { e2eServerEnv, serverLogDir } from "./server-env";

export interface Instance {
  port: number;
  baseURL: string;
  /** Everything the server wrote to stdout and stderr so far. */
  output: () => string;
  /** Sends a signal to the server's whole process group and waits for it to exit; resolves to the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
  /** Starts it again on the same port with the same settings. */
  restart: () => Promise<void>;
  /** Sends a signal to the server's whole process group and returns at once (SIGSTOP, SIGCONT). */
  signal: (signal: NodeJS.Signals) => void;
}

export interface InstanceOptions {
  port: number;
  databaseUrl: string;
  env?: Record<string, string>;
  /** `npm start`'s server (the default), or Next's own (`next start`) on the same build. */
  server?: "npm-start" | "next-start";
}

const serverEntry = path.resolve("dist", "server.js");
const nextEntry = path.resolve("node_modules", "next", "dist", "bin", "next");

function commandFor(options: InstanceOptions): string[] {
  return options.server === "next-start" ? [nextEntry, "start", "--port", String(options.port)] : [serverEntry];
}

async function waitForReady(baseURL: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server on ${baseURL} exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${baseURL}/api/ready`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server on ${baseURL} did not become healthy`);
}

/** A production server (`npm start`'s, or `next start`) on the shared build, on its own port and database. */
export async function startInstance(options: InstanceOptions): Promise<Instance> {
  const baseURL = `http://localhost:${options.port}`;
  let log = "";
  let child: ChildProcess;
  mkdirSync(serverLogDir, { recursive: true });
  const logFile = createWriteStream(path.join(serverLogDir, `instance-${options.port}.log`), { flags: "a" });

  async function launch(): Promise<void> {
    child = spawn(process.execPath, commandFor(options), {
      env: {
        ...process.env,
        ...e2eServerEnv,
        NODE_ENV: "production",
        PORT: String(options.port),
        DATABASE_URL: options.databaseUrl,
        ...options.env,
      },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const collect = (chunk: Buffer) => {
      log += chunk.toString();
      logFile.write(chunk);
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    await waitForReady(baseURL, child);
  }

  async function stop(signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    if (child.pid) process.kill(-child.pid, signal);
    return exited;
  }

  await launch();
  const signal = (name: NodeJS.Signals) => {
    if (child.pid) process.kill(-child.pid, name);
  };
  return { port: options.port, baseURL, output: () => log, stop, restart: launch, signal };
}
