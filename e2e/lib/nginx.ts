import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface RunningNginx {
  baseURL: string;
  /**
   * Takes an upstream out of rotation (`down`) or puts it back, and reloads:
   * new requests go to the others while the old workers finish what they sent.
   */
  setDown: (upstreamPort: number, down: boolean) => Promise<void>;
  stop: () => Promise<void>;
}

const DEPLOY_CONFIG = path.resolve("docs", "deploy", "nginx-storefront.conf");

function nginxBinary(): string {
  for (const candidate of ["/usr/sbin/nginx", "/usr/bin/nginx"]) {
    if (spawnSync(candidate, ["-v"]).status === 0) return candidate;
  }
  throw new Error("nginx is not installed: apt-get install -y nginx (.ci/run does it when missing)");
}

/**
 * nginx from Debian's package, on loopback, in a directory of its own, serving
 * the deployment guide's config with its ports pointed at the test's instances.
 */
export async function startNginx(options: {
  port: number;
  upstreamPorts: [number, number];
  /** A header the proxy sets to the client's address, as a platform does (e.g. x-vercel-forwarded-for). */
  clientAddressHeader?: string;
}): Promise<RunningNginx> {
  const binary = nginxBinary();
  const dir = mkdtempSync(path.join(tmpdir(), "storefront-nginx-"));
  // Run as root, nginx's workers drop to an unprivileged user that must reach the temp paths in here.
  chmodSync(dir, 0o755);
  const site = readFileSync(DEPLOY_CONFIG, "utf8")
    .replace("127.0.0.1:3001", `127.0.0.1:${options.upstreamPorts[0]}`)
    .replace("127.0.0.1:3002", `127.0.0.1:${options.upstreamPorts[1]}`)
    .replace("listen 8080;", `listen 127.0.0.1:${options.port};`)
    .replace(
      "proxy_set_header X-Forwarded-For",
      options.clientAddressHeader
        ? `proxy_set_header ${options.clientAddressHeader} $remote_addr;\n        proxy_set_header X-Forwarded-For`
        : "proxy_set_header X-Forwarded-For",
    );
  const siteFile = path.join(dir, "storefront.conf");
  writeFileSync(siteFile, site);
  writeFileSync(
    path.join(dir, "nginx.conf"),
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/storefront.conf;
}
`,
  );
  const nginxArgs = ["-p", dir, "-c", path.join(dir, "nginx.conf")];
  const child: ChildProcess = spawn(binary, nginxArgs, {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const baseURL = `http://localhost:${options.port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${errors}`);
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`nginx did not answer on ${baseURL}: ${errors}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseURL,
    setDown: async (upstreamPort, down) => {
      const upstream = new RegExp(`(server 127\\.0\\.0\\.1:${upstreamPort} [^;]*?)( down)?;`);
      writeFileSync(siteFile, readFileSync(siteFile, "utf8").replace(upstream, down ? "$1 down;" : "$1;"));
      const reload = spawnSync(binary, [...nginxArgs, "-s", "reload"], { encoding: "utf8" });
      if (reload.status !== 0) throw new Error(`nginx reload failed: ${reload.stderr}`);
      // The signal returns at once; give the master a moment to start workers on the new config.
      await new Promise((resolve) => setTimeout(resolve, 500));
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGQUIT");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
