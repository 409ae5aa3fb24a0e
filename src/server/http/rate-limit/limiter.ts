import { logger } from "../../observability/logger";
import { rateLimitAddress } from "./address-key";
import { rateLimitPolicies, tierPolicies, type RateLimitPolicy } from "./policies";
import type { RateLimitDecision, RateLimitStore } from "./store";

/** Thrown when a caller is over a limit; every face turns it into a 429 with Retry-After. */
export class RateLimitExceeded extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`);
    this.name = "RateLimitExceeded";
  }
}

export interface RateLimiter {
  /** Spends one request; throws RateLimitExceeded when the bucket is empty. */
  consume(policy: RateLimitPolicy, subject: string): Promise<void>;
  /** Throws RateLimitExceeded when the subject is already over the limit, spending nothing. */
  check(policy: RateLimitPolicy, subject: string): Promise<void>;
  /** Spends one request whatever the verdict (counting failures). */
  record(policy: RateLimitPolicy, subject: string): Promise<void>;
  /** Gives back one request spent earlier. */
  refund(policy: RateLimitPolicy, subject: string): Promise<void>;
}

/**
 * A limiter over two stores: the shared one (database or Redis) for every tier
 * but reads, which stay in this process's memory. A store that fails (Redis
 * down) lets the request through and says so in the log: an outage of the
 * limiter must not become an outage of the shop.
 */
export function createRateLimiter(shared: RateLimitStore, local: RateLimitStore): RateLimiter {
  const storeFor = (policy: RateLimitPolicy) => (policy === tierPolicies.reads ? local : shared);
  async function ask(policy: RateLimitPolicy, subject: string, spend: boolean): Promise<RateLimitDecision> {
    try {
      const store = storeFor(policy);
      return await (spend ? store.take(policy, subject) : store.peek(policy, subject));
    } catch (error) {
      logger.warn({ err: error, policy: policy.name }, "rate limiter unavailable; allowing the request");
      return { allowed: true, retryAfterSeconds: 0 };
    }
  }
  return {
    async consume(policy, subject) {
      const decision = await ask(policy, subject, true);
      if (!decision.allowed) throw new RateLimitExceeded(decision.retryAfterSeconds);
    },
    async check(policy, subject) {
      const decision = await ask(policy, subject, false);
      if (!decision.allowed) throw new RateLimitExceeded(decision.retryAfterSeconds);
    },
    async record(policy, subject) {
      await ask(policy, subject, true);
    },
    async refund(policy, subject) {
      try {
        await storeFor(policy).refund(policy, subject);
      } catch (error) {
        logger.warn({ err: error, policy: policy.name }, "rate limiter unavailable; could not refund");
      }
    },
  };
}

/** Refuses a sign-in attempt (password or token) that the failure budgets no longer allow, spending nothing. */
export async function assertSignInAllowed(
  limiter: RateLimiter,
  email: string,
  clientIp: string,
  device: string | null = null,
): Promise<void> {
  const verdicts = await Promise.allSettled(
    signInBuckets(email, clientIp, device).map(([policy, subject]) => limiter.check(policy, subject)),
  );
  const refusals = verdicts.flatMap((verdict) =>
    verdict.status === "rejected" && verdict.reason instanceof RateLimitExceeded ? [verdict.reason] : [],
  );
  if (refusals.length > 0)
    throw new RateLimitExceeded(Math.max(...refusals.map((refusal) => refusal.retryAfterSeconds)));
}

/**
 * The three failure budgets a sign-in attempt spends from, with their subjects.
 * From a browser that signed in to the account before (`device`), its own
 * budget stands in for the account's, which guessers elsewhere may have spent.
 */
function signInBuckets(email: string, clientIp: string, device: string | null): [RateLimitPolicy, string][] {
  const address = rateLimitAddress(clientIp);
  return [
    [rateLimitPolicies.signInFailuresPerAddress, address],
    [rateLimitPolicies.signInFailuresPerAccountAndAddress, `${email}|${address}`],
    device
      ? [rateLimitPolicies.signInFailuresPerDevice, `${email}|${device}`]
      : [rateLimitPolicies.signInFailuresPerAccount, email],
  ];
}

/**
 * Spends one attempt from every failure budget before the password is
 * verified, so a burst of parallel guesses cannot all pass a check made before
 * any of them failed. Refused when any budget is empty; what the refused
 * attempt took from the others is given back. A correct password gives the
 * attempt back afterwards (`refundSignInAttempt`), so only failures count.
 */
export async function spendSignInAttempt(
  limiter: RateLimiter,
  email: string,
  address: string,
  device: string | null = null,
): Promise<void> {
  const buckets = signInBuckets(email, address, device);
  const verdicts = await Promise.allSettled(buckets.map(([policy, subject]) => limiter.consume(policy, subject)));
  const refusals = verdicts.flatMap((verdict) =>
    verdict.status === "rejected" && verdict.reason instanceof RateLimitExceeded ? [verdict.reason] : [],
  );
  const failure = verdicts.find(
    (verdict) => verdict.status === "rejected" && !(verdict.reason instanceof RateLimitExceeded),
  );
  if (refusals.length === 0 && !failure) return;
  await Promise.all(
    buckets.map(([policy, subject], index) =>
      verdicts[index]?.status === "fulfilled" ? limiter.refund(policy, subject) : undefined,
    ),
  );
  if (failure?.status === "rejected") throw failure.reason;
  throw new RateLimitExceeded(Math.max(...refusals.map((refusal) => refusal.retryAfterSeconds)));
}

/** A sign-in attempt that succeeded: it gives back what `spendSignInAttempt` took. */
export async function refundSignInAttempt(
  limiter: RateLimiter,
  email: string,
  address: string,
  device: string | null = null,
): Promise<void> {
  await Promise.all(signInBuckets(email, address, device).map(([policy, subject]) => limiter.refund(policy, subject)));
}
