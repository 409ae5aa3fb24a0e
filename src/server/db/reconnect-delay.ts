/**
 * How long a connection waits before its next connection attempt after a
 * failed one. postgres.js's default grows to 20 s, and a query queued on that
 * connection waits it out: during an outage requests hung for 13 s instead of
 * failing fast. A refused attempt costs next to nothing, so retry often, with jitter.
 */
export function reconnectDelaySeconds(retries: number): number {
  return Math.min(0.02 * 2 ** retries, 0.25) * (0.5 + Math.random() / 2);
}
