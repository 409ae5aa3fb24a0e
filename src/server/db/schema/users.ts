import { sql } from "drizzle-orm";
import { roles } from "@/lib/permissions";
import { pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

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
    /** Set by Auth.js's adapter for accounts it creates; the app does not rely on it. */
    emailVerified: timestamp("email_verified", { withTimezone: true, precision: 3, mode: "date" }),
    image: text("image"),
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
