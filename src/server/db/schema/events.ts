import { bigint, bigserial, index, jsonb, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * The outbox: one row per state change, written in the same transaction as the
 * change. Live updates read it after commit and replay it to reconnecting
 * clients. Ids are handed out in commit order (see events/publish.ts), so
 * "everything after id N" never skips a row that commits late.
 */
export const events = pgTable(
  "events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    topic: text("topic").notNull(),
    /** The user an event belongs to (order events); null for public ones (stock). */
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "cascade" }),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("events_owner_id_idx").on(table.ownerId, table.id),
    index("events_topic_id_idx").on(table.topic, table.id),
    index("events_created_at_idx").on(table.createdAt),
  ],
);

/**
 * One row: the highest event id ever pruned. A client resuming from an id below
 * it has missed events that are gone, so it is told to refresh instead.
 */
export const eventRetention = pgTable("event_retention", {
  id: smallint("id").primaryKey().default(1),
  prunedThrough: bigint("pruned_through", { mode: "number" }).notNull().default(0),
});
