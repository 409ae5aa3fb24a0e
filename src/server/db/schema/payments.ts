import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { orders } from "./orders";

export const paymentKinds = ["charge", "refund"] as const;
export const paymentKind = pgEnum("payment_kind", paymentKinds);
export const paymentStatuses = ["succeeded", "failed"] as const;
export const paymentStatus = pgEnum("payment_status", paymentStatuses);

/** Money that moved. The card number is never stored: only its last four digits. */
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
    reference: text("reference").notNull(),
    cardLast4: text("card_last4"),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("payments_order_idx").on(table.orderId),
    check("payments_amount_non_negative", sql`${table.amountCents} >= 0`),
  ],
);
