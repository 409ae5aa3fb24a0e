import { sql } from "drizzle-orm";
import { roles } from "@/lib/permissions";
import { boolean, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const userRoles = roles;
export const userRole = pgEnum("user_role", userRoles);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Always stored lower-cased so the unique index is case-insensitive. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: userRole("role").notNull().default("customer"),
    /** argon2id PHC string, or null for accounts that only sign in through an identity provider. Never leaves the server. */
    passwordHash: text("password_hash"),
    /** A disabled account cannot sign in, and its sessions and tokens stop working at once. */
    disabledAt: timestamp("disabled_at", { withTimezone: true, precision: 3 }),
    /**
     * When the address was shown to reach its owner: a followed verification link, or an identity
     * provider that vouches for it. Null: unverified (provider sign-ins never link to such an account).
     */
    emailVerified: timestamp("email_verified", { withTimezone: true, precision: 3, mode: "date" }),
    image: text("image"),
    /** Mail that is not needed to use the shop (shipped and delivered notices); unsubscribe turns it off. */
    orderUpdateMail: boolean("order_update_mail").notNull().default(true),
    /** Set when the account was deleted: the row stays, nameless, for the orders it placed. */
    deletedAt: timestamp("deleted_at", { withTimezone: true, precision: 3 }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 })
      .notNull()
      .defaultNow()
      .$onUpdate(() => sql`now()`),
  },
  (table) => [uniqueIndex("users_email_key").on(table.email)],
);

export type User = typeof users.$inferSelect;
export type UserRole = (typeof userRoles)[number];
