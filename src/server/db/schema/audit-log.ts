import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { auditActions } from "@/lib/audit-actions";
import { users } from "./users";

/**
 * Who did what, to what, from where: written in the same transaction as each
 * admin change, and for sign-ins. Rows are never updated or deleted by the app.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    /** Kept as it was, so the row still says who it was after the account is gone or renamed. */
    actorEmail: text("actor_email"),
    action: text("action", { enum: auditActions }).notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    /** What changed: `{ before, after }` or other small facts; never secrets. */
    summary: jsonb("summary").$type<Record<string, unknown>>().notNull().default({}),
    requestId: text("request_id"),
    clientIp: text("client_ip"),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("audit_log_actor_idx").on(table.actorId, table.id),
    index("audit_log_action_idx").on(table.action, table.id),
  ],
);
