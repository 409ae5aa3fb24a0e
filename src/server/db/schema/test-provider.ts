import { integer, jsonb, pgSchema, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The built-in test payment provider's own tables, in a schema of their own:
 * it shares the database for convenience only and never reads the shop's
 * tables, as a real provider could not. No card data: at most the last four digits.
 */
export const testProvider = pgSchema("test_provider");

export const testProviderSessionStatus = testProvider.enum("session_status", [
  "open",
  "requires_action",
  "processing",
  "succeeded",
  "failed",
  "expired",
]);

export const testProviderSessions = testProvider.table("sessions", {
  id: text("id").primaryKey(),
  idempotencyKey: text("idempotency_key").notNull().unique(),
  amountCents: integer("amount_cents").notNull(),
  currency: text("currency").notNull(),
  description: text("description").notNull(),
  merchantReference: text("merchant_reference").notNull(),
  returnUrl: text("return_url").notNull(),
  cancelUrl: text("cancel_url").notNull(),
  status: testProviderSessionStatus("status").notNull().default("open"),
  /** The charge (when it succeeded) or the failed attempt's id. */
  attemptId: text("attempt_id"),
  failureReason: text("failure_reason"),
  cardLast4: text("card_last4"),
  expiresAt: timestamp("expires_at", { withTimezone: true, precision: 3 }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

export const testProviderRefunds = testProvider.table("refunds", {
  id: text("id").primaryKey(),
  idempotencyKey: text("idempotency_key").notNull().unique(),
  chargeId: text("charge_id").notNull(),
  amountCents: integer("amount_cents").notNull(),
  currency: text("currency").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/** Events as the provider sends them; delivered (and retried) by the `payments.test-webhook` queue. */
export const testProviderEvents = testProvider.table("events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  body: jsonb("body").notNull(),
  attempts: integer("attempts").notNull().default(0),
  deliveredAt: timestamp("delivered_at", { withTimezone: true, precision: 3 }),
  lastError: text("last_error"),
  createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
