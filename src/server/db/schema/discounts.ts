import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { orders } from "./orders";
import { users } from "./users";

export const discountKind = pgEnum("discount_kind", ["percent", "fixed"]);

export const discountCodes = pgTable(
  "discount_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Stored upper-cased: codes are typed by hand and compared case-insensitively. */
    code: text("code").notNull(),
    description: text("description").notNull().default(""),
    kind: discountKind("kind").notNull(),
    /** Whole percent (1–100) for percent codes; cents for fixed ones. */
    value: integer("value").notNull(),
    minSubtotalCents: integer("min_subtotal_cents").notNull().default(0),
    startsAt: timestamp("starts_at", { withTimezone: true, precision: 3 }),
    endsAt: timestamp("ends_at", { withTimezone: true, precision: 3 }),
    usageLimit: integer("usage_limit"),
    perCustomerLimit: integer("per_customer_limit"),
    /**
     * Orders holding a use: counted up under the row's lock at checkout, so concurrent buyers
     * can never pass the limit; an order that expires or is cancelled gives its use back.
     */
    timesUsed: integer("times_used").notNull().default(0),
    pausedAt: timestamp("paused_at", { withTimezone: true, precision: 3 }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("discount_codes_code_key").on(table.code),
    check(
      "discount_codes_value_range",
      sql`(${table.kind} = 'percent' and ${table.value} between 1 and 100) or (${table.kind} = 'fixed' and ${table.value} > 0)`,
    ),
    check("discount_codes_usage_within_limit", sql`${table.usageLimit} is null or ${table.timesUsed} <= ${table.usageLimit}`),
    check("discount_codes_times_used_non_negative", sql`${table.timesUsed} >= 0`),
  ],
);

/** One row per order that used a code; the buyer's email counts per-customer uses (guests have no account). */
export const discountRedemptions = pgTable(
  "discount_redemptions",
  {
    orderId: uuid("order_id")
      .primaryKey()
      .references(() => orders.id, { onDelete: "cascade" }),
    codeId: uuid("code_id")
      .notNull()
      .references(() => discountCodes.id),
    userId: uuid("user_id").references(() => users.id),
    email: text("email").notNull(),
    discountCents: integer("discount_cents").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [index("discount_redemptions_code_email_idx").on(table.codeId, table.email)],
);
