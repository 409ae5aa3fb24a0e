import { lt, sql } from "drizzle-orm";
import { rateLimits } from "../db/schema";
import type { Db } from "../db/types";

export interface RateLimitPolicy {
  name: string;
  limit: number;
  windowSeconds: number;
}

/** Strict tiers for what attackers hammer; the counters live in the database, shared by all instances. */
export const rateLimitPolicies = {
  signUp: { name: "sign-up", limit: 20, windowSeconds: 600 },
  // Sign-in counts per address (password spraying) and per account (guessing one password).
  signInPerAddress: { name: "sign-in-address", limit: 50, windowSeconds: 300 },
  signInPerAccount: { name: "sign-in-account", limit: 10, windowSeconds: 300 },
} satisfies Record<string, RateLimitPolicy>;

/** Thrown when a caller is over a limit; every face turns it into a 429 with Retry-After. */
export class RateLimitExceeded extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts. Try again in ${retryAfterSeconds} seconds.`);
    this.name = "RateLimitExceeded";
  }
}

const CLEANUP_PROBABILITY = 0.01;

/** Counts one hit for `subject` and throws RateLimitExceeded once the window's limit is passed. */
export async function enforceRateLimit(
  db: Db,
  policy: RateLimitPolicy,
  subject: string,
  now = new Date(),
): Promise<void> {
  const windowMs = policy.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key: `${policy.name}:${subject}`, windowStart, hits: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { hits: sql`${rateLimits.hits} + 1` },
    })
    .returning({ hits: rateLimits.hits });
  if (Math.random() < CLEANUP_PROBABILITY) {
    await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now.getTime() - 86_400_000)));
  }
  if ((row?.hits ?? 0) > policy.limit) {
    throw new RateLimitExceeded(Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  }
}
