import { and, eq, isNull } from "drizzle-orm";
import type { AdminUserDto } from "@/lib/contracts/admin";
import { users } from "../../db/schema";
import type { Db } from "../../db/types";
import { recordAudit, type AuditContext } from "../audit/record-audit";
import { DomainError } from "../errors";
import { endAllSessions } from "../sessions/sessions";
import { adminUserColumns, toAdminUserDto } from "./user-row";

/**
 * Disables an account (it cannot sign in; its sessions end and its tokens stop
 * working on the next request) or enables it again. An admin cannot disable
 * themselves, and the last active administrator cannot be disabled.
 */
export async function setDisabled(
  db: Db,
  audit: AuditContext,
  input: { userId: string; disabled: boolean },
): Promise<AdminUserDto> {
  if (input.disabled && input.userId === audit.actor.id) {
    throw new DomainError("CONFLICT", "You cannot disable your own account.");
  }
  return db.transaction(async (tx) => {
    const activeAdmins = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "admin"), isNull(users.disabledAt)))
      .for("update");
    const [target] = await tx.select(adminUserColumns).from(users).where(eq(users.id, input.userId)).for("update");
    if (!target) throw new DomainError("NOT_FOUND", "We could not find that account.");
    if ((target.disabledAt !== null) === input.disabled) return toAdminUserDto(target);
    if (input.disabled && target.role === "admin" && activeAdmins.length <= 1) {
      throw new DomainError("CONFLICT", "This is the last active administrator and cannot be disabled.");
    }
    const [updated] = await tx
      .update(users)
      .set({ disabledAt: input.disabled ? new Date() : null })
      .where(eq(users.id, target.id))
      .returning(adminUserColumns);
    if (!updated) throw new DomainError("NOT_FOUND", "We could not find that account.");
    if (input.disabled) await endAllSessions(tx, target.id);
    await recordAudit(tx, audit, {
      action: input.disabled ? "user.disabled" : "user.enabled",
      target: { type: "user", id: target.id },
      summary: { email: target.email, before: { disabled: !input.disabled }, after: { disabled: input.disabled } },
    });
    return toAdminUserDto(updated);
  });
}
