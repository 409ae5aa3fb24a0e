import { env } from "@/env";

/** `limit` requests per `periodSeconds`, replenished evenly (a token bucket holding `limit`). */
export interface RateLimitPolicy {
  name: string;
  limit: number;
  periodSeconds: number;
}

const scaled = (limit: number) => Math.max(1, Math.round(limit * env.RATE_LIMIT_SCALE));

/**
 * The tiers. Strict ones count only what an attacker does (failed sign-ins),
 * per address and per account. One address gets a burst of 10 and then one
 * guess per 90 s (at most 50 in its first hour), far below the per-account
 * ceiling of 300 an hour: locking the owner out takes six or more addresses
 * guessing at full speed, while a distributed guesser is still stopped.
 */
export const rateLimitPolicies = {
  signUp: { name: "sign-up", limit: scaled(10), periodSeconds: 3600 },
  signInFailuresPerAddress: { name: "sign-in-fail-address", limit: scaled(10), periodSeconds: 900 },
  signInFailuresPerAccountAndAddress: { name: "sign-in-fail-account-address", limit: scaled(10), periodSeconds: 60 },
  signInFailuresPerAccount: { name: "sign-in-fail-account", limit: scaled(300), periodSeconds: 3600 },
  /** A browser that signed in to the account before: its own budget instead of the account's (trusted-device.ts). */
  signInFailuresPerDevice: { name: "sign-in-fail-device", limit: scaled(10), periodSeconds: 900 },
  /**
   * Password-reset links, asked for and used: per address like failed sign-ins. Per email far
   * stricter than sign-in's per-account ceiling, since each request that passes mails a person.
   */
  passwordResetPerAddress: { name: "password-reset-address", limit: scaled(10), periodSeconds: 900 },
  passwordResetPerEmail: { name: "password-reset-email", limit: scaled(5), periodSeconds: 3600 },
  /** Verification links an account asks for (again, or to a new address): each mails an address it typed. */
  verificationMailPerAccount: { name: "verification-mail-account", limit: scaled(5), periodSeconds: 3600 },
} satisfies Record<string, RateLimitPolicy>;

/** The loose tiers every procedure passes: null when configured off (0). */
export const tierPolicies: { writes: RateLimitPolicy | null; reads: RateLimitPolicy | null } = {
  writes:
    env.RATE_LIMIT_WRITES_PER_MINUTE > 0
      ? { name: "writes", limit: scaled(env.RATE_LIMIT_WRITES_PER_MINUTE), periodSeconds: 60 }
      : null,
  reads:
    env.RATE_LIMIT_READS_PER_MINUTE > 0
      ? { name: "reads", limit: scaled(env.RATE_LIMIT_READS_PER_MINUTE), periodSeconds: 60 }
      : null,
};

/** GCRA's two numbers: the spacing between requests and the whole period, in milliseconds. */
export function gcraParameters(policy: RateLimitPolicy): { intervalMs: number; periodMs: number } {
  const periodMs = policy.periodSeconds * 1000;
  return { intervalMs: periodMs / policy.limit, periodMs };
}
