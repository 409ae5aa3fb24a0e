import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { orders } from "./orders";

export const paymentKinds = ["charge", "refund"] as const;
export const paymentKind = pgEnum("payment_kind", paymentKinds);
export const paymentStatuses = ["pending", "succeeded", "failed"] as const;
export const paymentStatus = pgEnum("payment_status", paymentStatuses);

/**
 * Money that moved or was asked to move, as the provider reported it. No card
 * data is ever held: the provider's page takes the card, its events at most name
 * the last four digits.
 */
export const payments = pgTable(
  "payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    kind: paymentKind("kind").notNull(),
    status: paymentStatus("status").notNull(),
    provider: text("provider").notNull(),
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull(),
    /** The provider's id for the charge, failed attempt or refund; null while a refund is being asked for. */
    reference: text("reference"),
    /** For a refund: the charge it gives back. */
    refundOf: uuid("refund_of"),
    cardLast4: text("card_last4"),
    failureReason: text("failure_reason"),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("payments_order_idx").on(table.orderId),
    // A charge reported twice (webhook and reconciliation) is recorded once.
    uniqueIndex("payments_provider_reference").on(table.provider, table.reference),
    check("payments_amount_non_negative", sql`${table.amountCents} >= 0`),
  ],
);

export const paymentSessionStatuses = ["open", "paid", "failed", "expired"] as const;
export const paymentSessionStatus = pgEnum("payment_session_status", paymentSessionStatuses);

/** A hosted payment page opened at the provider for one order; an order may have several (pay again). */
export const paymentSessions = pgTable(
  "payment_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    sessionId: text("session_id").notNull(),
    url: text("url").notNull(),
    amountCents: integer("amount_cents").notNull(),
    status: paymentSessionStatus("status").notNull().default("open"),
    expiresAt: timestamp("expires_at", { withTimezone: true, precision: 3 }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("payment_sessions_provider_session").on(table.provider, table.sessionId),
    index("payment_sessions_order_idx").on(table.orderId, table.createdAt),
  ],
);

/** Every verified provider event, once: a second delivery of the same id changes nothing. */
export const paymentEvents = pgTable(
  "payment_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    provider: text("provider").notNull(),
    eventId: text("event_id").notNull(),
    type: text("type").notNull(),
    orderId: uuid("order_id").references(() => orders.id, { onDelete: "cascade" }),
    /** What the shop did with it, in a few words (shown to admins). */
    outcome: text("outcome").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, precision: 3 }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("payment_events_provider_event").on(table.provider, table.eventId),
    index("payment_events_order_idx").on(table.orderId, table.id),
  ],
);
