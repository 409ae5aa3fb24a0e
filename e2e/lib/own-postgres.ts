import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** A PostgreSQL cluster of the test's own, in a temp dir on its own port: stopping it touches nobody else. */
export interface OwnPostgres {
  url: string;
  /** Fast shutdown: open connections are cut, new ones refused. */
  stop: () => void;
  start: () => void;
  dispose: () => void;
}

function binDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const dir = path.join(root, version, "bin");
    if (existsSync(path.join(dir, "initdb"))) return dir;
  }
  throw new Error("PostgreSQL's server binaries are not installed (apt-get install -y postgresql)");
}

const isRoot = process.getuid?.() === 0;

/** initdb and pg_ctl refuse to run as root: as root they run as the postgres user. */
function run(binary: string, args: string[]): void {
  const [command, commandArgs] = isRoot ? ["runuser", ["-u", "postgres", "--", binary, ...args]] : [binary, args];
  execFileSync(command, commandArgs, { stdio: ["ignore", "ignore", "pipe"] });
}

export function startOwnPostgres(port: number): OwnPostgres {
  const bin = binDir();
  const dir = mkdtempSync(path.join(tmpdir(), "storefront-pg-"));
  if (isRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  run(path.join(bin, "initdb"), ["-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync", "-D", data]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
  const start = () =>
    run(path.join(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "start"]);
  const stopWith = (mode: "fast" | "immediate") =>
    run(path.join(bin, "pg_ctl"), ["-D", data, "-m", mode, "-w", "stop"]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => stopWith("fast"),
    start,
    dispose: () => {
      try {
        stopWith("immediate");
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
