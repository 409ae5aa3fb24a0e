import { gcraParameters } from "./policies";
import { bucketKey, decide, type RateLimitStore } from "./store";

const SWEEP_EVERY = 10_000;

/** Buckets in this process only: for the loose read tier, where a shared write per read would cost more than it saves. */
export function createMemoryStore(clock: () => number = Date.now): RateLimitStore {
  const buckets = new Map<string, number>();
  let calls = 0;
  function sweep(now: number) {
    if (++calls % SWEEP_EVERY !== 0) return;
    for (const [key, tat] of buckets) if (tat <= now) buckets.delete(key);
  }
  return {
    async take(policy, subject) {
      const now = clock();
      const key = bucketKey(policy, subject);
      const verdict = decide(buckets.get(key) ?? null, now, gcraParameters(policy));
      if (verdict.allowed) buckets.set(key, verdict.nextTat);
      sweep(now);
      return { allowed: verdict.allowed, retryAfterSeconds: verdict.retryAfterSeconds };
    },
    async refund(policy, subject) {
      const key = bucketKey(policy, subject);
      const tat = buckets.get(key);
      if (tat !== undefined) buckets.set(key, tat - gcraParameters(policy).intervalMs);
    },
    async peek(policy, subject) {
      const verdict = decide(buckets.get(bucketKey(policy, subject)) ?? null, clock(), gcraParameters(policy));
      return { allowed: verdict.allowed, retryAfterSeconds: verdict.retryAfterSeconds };
    },
  };
}
