import { bigserial, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The outbox: one row per state change, written in the same transaction as the
 * change. Live updates read it after commit and replay it to reconnecting clients.
 */
export const events = pgTable("events", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  topic: text("topic").notNull(),
  payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
