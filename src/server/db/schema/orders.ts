import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  jsonb,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { AddressDto } from "@/lib/contracts/address";
import { orderStatuses } from "@/lib/order-status";
import { products } from "./products";
import { users } from "./users";

export const orderStatus = pgEnum("order_status", orderStatuses);

export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    status: orderStatus("status").notNull().default("awaiting_payment"),
    totalCents: integer("total_cents").notNull(),
    // The lines of the total as checkout computed them (docs/checkout-totals.md): never recomputed.
    // Null on orders written by the release before totals (see migration 0014): read total_cents then.
    subtotalCents: integer("subtotal_cents"),
    discountCents: integer("discount_cents").notNull().default(0),
    shippingCents: integer("shipping_cents").notNull().default(0),
    taxCents: integer("tax_cents").notNull().default(0),
    taxMode: text("tax_mode").$type<"exclusive" | "inclusive">().notNull().default("exclusive"),
    discountCode: text("discount_code"),
    shippingMethod: text("shipping_method"),
    /** A copy of where it ships; null on orders placed before addresses existed, and on finished orders of a deleted account. */
    shippingAddress: jsonb("shipping_address").$type<AddressDto>(),
    currency: text("currency").notNull().default("USD"),
    /** Unique per user: a retried checkout finds its order instead of making a second one. */
    idempotencyKey: uuid("idempotency_key").notNull(),
    /** product:quantity lines of the cart that was bought, to tell a replay from a reused key. */
    cartFingerprint: text("cart_fingerprint").notNull(),
    /** While awaiting payment: when the stock hold ends and the order expires. */
    paymentDueAt: timestamp("payment_due_at", { withTimezone: true, precision: 3 }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("orders_user_idempotency_key").on(table.userId, table.idempotencyKey),
    index("orders_user_newest_idx").on(table.userId, table.createdAt, table.id),
    index("orders_newest_idx").on(table.createdAt, table.id),
    index("orders_payment_due_idx")
      .on(table.paymentDueAt)
      .where(sql`${table.status} = 'awaiting_payment'`),
    check("orders_total_non_negative", sql`${table.totalCents} >= 0`),
  ],
);

export const orderItems = pgTable(
  "order_items",
  {
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    // Copied at purchase time: later price or name changes never rewrite an order.
    productName: text("product_name").notNull(),
    productSlug: text("product_slug").notNull(),
    unitPriceCents: integer("unit_price_cents").notNull(),
    quantity: integer("quantity").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.orderId, table.productId] }),
    check("order_items_quantity_positive", sql`${table.quantity} > 0`),
  ],
);

export const orderStatusHistory = pgTable(
  "order_status_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    fromStatus: orderStatus("from_status"),
    toStatus: orderStatus("to_status").notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [index("order_status_history_order_idx").on(table.orderId, table.id)],
);
