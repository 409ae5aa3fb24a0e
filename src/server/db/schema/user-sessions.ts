import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * One row per signed-in browser. The session cookie carries only this row's
 * id (inside Auth.js's encrypted token); every authenticated request looks it
 * up, so signing out, "sign out everywhere", a password change or a deleted or
 * disabled account end the session on the next request.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** Absolute: nothing extends it. */
    expiresAt: timestamp("expires_at", { withTimezone: true, precision: 3 }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, precision: 3 }),
    /**
     * Until when this session may link an identity-provider account to its user: set by a password
     * check on the account page, cleared when a link is made. Without it no provider is linked.
     */
    linkConfirmedUntil: timestamp("link_confirmed_until", { withTimezone: true, precision: 3 }),
    userAgent: text("user_agent"),
    clientIp: text("client_ip"),
  },
  (table) => [index("user_sessions_user_idx").on(table.userId)],
);
