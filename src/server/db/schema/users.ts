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
    /** argon2id PHC string; never selected for anything that leaves the server. */
    passwordHash: text("password_hash").notNull(),
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
