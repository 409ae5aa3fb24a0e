import { eq, lt, sql } from "drizzle-orm";
import { rateLimitBuckets } from "../../db/schema";
import { selectRows } from "../../db/rows";
import type { Db } from "../../db/types";
import { gcraParameters } from "./policies";
import { bucketKey, type RateLimitStore } from "./store";

const CLEANUP_PROBABILITY = 0.005;

interface Verdict extends Record<string, unknown> {
  now: number;
  next_tat: number;
  allowed: boolean;
}

function retryAfter({ now, next_tat: nextTat }: Verdict, periodMs: number): number {
  return Math.max(1, Math.ceil((nextTat - periodMs - now) / 1000));
}

/**
 * Buckets in the app's database (PostgreSQL or the embedded PGlite), shared by
 * every instance. One statement per decision, on the database's clock: the
 * bucket row is locked while it is read and advanced, so concurrent requests
 * for one key queue instead of spending the same token twice.
 */
export function createPostgresStore(db: Db): RateLimitStore {
  return {
    async take(policy, subject) {
      const { intervalMs, periodMs } = gcraParameters(policy);
      const key = bucketKey(policy, subject);
      const [verdict] = await selectRows<Verdict>(
        db,
        sql`
        with clock as (select (extract(epoch from clock_timestamp()) * 1000)::float8 as now),
        current_bucket as (select tat from rate_limit_buckets where key = ${key} for update),
        decision as (
          select clock.now,
                 greatest(coalesce((select tat from current_bucket), clock.now), clock.now) + ${intervalMs}::float8 as next_tat
          from clock
        ),
        written as (
          insert into rate_limit_buckets (key, tat, expires_at)
          select ${key}, next_tat, to_timestamp(next_tat / 1000) from decision where next_tat - ${periodMs}::float8 <= now
          on conflict (key) do update set tat = excluded.tat, expires_at = excluded.expires_at
          returning 1
        )
        select decision.now, decision.next_tat, exists (select 1 from written) as allowed from decision`,
      );
      if (Math.random() < CLEANUP_PROBABILITY) {
        await db.delete(rateLimitBuckets).where(lt(rateLimitBuckets.expiresAt, sql`now()`));
      }
      if (!verdict) throw new Error("the rate-limit statement returned no row");
      return { allowed: verdict.allowed, retryAfterSeconds: verdict.allowed ? 0 : retryAfter(verdict, periodMs) };
    },

    async refund(policy, subject) {
      const { intervalMs } = gcraParameters(policy);
      await db
        .update(rateLimitBuckets)
        .set({ tat: sql`${rateLimitBuckets.tat} - ${intervalMs}::float8` })
        .where(eq(rateLimitBuckets.key, bucketKey(policy, subject)));
    },

    async peek(policy, subject) {
      const { intervalMs, periodMs } = gcraParameters(policy);
      const [verdict] = await selectRows<Verdict>(
        db,
        sql`
        with clock as (select (extract(epoch from clock_timestamp()) * 1000)::float8 as now)
        select clock.now,
               greatest(coalesce(b.tat, clock.now), clock.now) + ${intervalMs}::float8 as next_tat,
               greatest(coalesce(b.tat, clock.now), clock.now) + ${intervalMs}::float8 - ${periodMs}::float8 <= clock.now as allowed
        from clock left join rate_limit_buckets b on b.key = ${bucketKey(policy, subject)}`,
      );
      if (!verdict) throw new Error("the rate-limit statement returned no row");
      return { allowed: verdict.allowed, retryAfterSeconds: verdict.allowed ? 0 : retryAfter(verdict, periodMs) };
    },
  };
}
