import { doublePrecision, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Token buckets kept as GCRA's one number per key: the "theoretical arrival
 * time" (ms since the epoch) of the next allowed request. Shared by every app
 * instance on the database.
 */
export const rateLimitBuckets = pgTable(
  "rate_limit_buckets",
  {
    key: text("key").primaryKey(),
    tat: doublePrecision("tat").notNull(),
    /** When the bucket is full again and the row can go. */
    expiresAt: timestamp("expires_at", { withTimezone: true, precision: 3 }).notNull(),
  },
  (table) => [index("rate_limit_buckets_expires_idx").on(table.expiresAt)],
);
