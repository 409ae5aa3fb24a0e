import type { RateLimitPolicy } from "./policies";

export interface RateLimitDecision {
  allowed: boolean;
  /** Seconds until one more request would be allowed (0 when allowed). */
  retryAfterSeconds: number;
}

/**
 * Where buckets live. `take` spends one request if the bucket allows it;
 * `peek` only asks whether it would. Both decide with the store's own clock,
 * so instances with skewed clocks still agree.
 */
export interface RateLimitStore {
  take(policy: RateLimitPolicy, subject: string): Promise<RateLimitDecision>;
  peek(policy: RateLimitPolicy, subject: string): Promise<RateLimitDecision>;
  /** Gives back one request taken earlier (a sign-in that turned out to be the owner's). */
  refund(policy: RateLimitPolicy, subject: string): Promise<void>;
}

export function bucketKey(policy: RateLimitPolicy, subject: string): string {
  return `${policy.name}:${subject}`;
}

/** GCRA's verdict given the stored arrival time (or none) and now, all in milliseconds. */
export function decide(
  storedTat: number | null,
  now: number,
  { intervalMs, periodMs }: { intervalMs: number; periodMs: number },
): { allowed: boolean; nextTat: number; retryAfterSeconds: number } {
  const nextTat = Math.max(storedTat ?? now, now) + intervalMs;
  const allowedAt = nextTat - periodMs;
  const allowed = allowedAt <= now;
  return { allowed, nextTat, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((allowedAt - now) / 1000)) };
}
