import autocannon from "autocannon";
import { treeStats } from "./process-stats";

export interface Target {
  /** The process tree that serves the requests: its CPU time is charged to them. */
  pid: number;
  url: string;
  headers?: Record<string, string>;
}

export interface LoadResult {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  cpuMsPerRequest: number;
  rssMb: number;
  failures: number;
}

/** Runs autocannon against one target and charges the server's CPU time over the run to its requests. */
export async function load(target: Target, options: { connections: number; seconds: number }): Promise<LoadResult> {
  const before = treeStats(target.pid);
  const result = await autocannon({
    url: target.url,
    connections: options.connections,
    duration: options.seconds,
    headers: target.headers,
  });
  const after = treeStats(target.pid);
  const requests = Math.max(1, result.requests.total);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    cpuMsPerRequest: ((after.cpuSeconds - before.cpuSeconds) * 1000) / requests,
    rssMb: Math.round(after.rssBytes / 1024 / 1024),
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
