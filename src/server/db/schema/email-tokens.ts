import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const emailTokenPurposes = ["password_reset", "verify_email"] as const;
export const emailTokenPurpose = pgEnum("email_token_purpose", emailTokenPurposes);

/**
 * Single-use links mailed to an address: a password reset, or proof that an
 * address (the account's, or the one it is changing to) reaches its owner.
 * Only the SHA-256 of the token is kept; the mail holds the token itself.
 */
export const emailTokens = pgTable(
  "email_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: emailTokenPurpose("purpose").notNull(),
    /** The address the link was mailed to: for a change of address, the new one. */
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true, precision: 3 }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, precision: 3 }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [index("email_tokens_user_idx").on(table.userId, table.purpose)],
);

export type EmailTokenPurpose = (typeof emailTokenPurposes)[number];
