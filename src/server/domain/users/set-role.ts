import { eq } from "drizzle-orm";
import type { AdminUserDto } from "@/lib/contracts/admin";
import type { Role } from "@/lib/permissions";
import { users } from "../../db/schema";
import type { Db } from "../../db/types";
import { recordAudit, type AuditContext } from "../audit/record-audit";
import { DomainError } from "../errors";
import { adminUserColumns, toAdminUserDto } from "./user-row";

/**
 * Gives a user a role; it applies from their next request. The admins' rows
 * are locked first, so two admins demoting each other at once cannot leave the
 * shop without one: the last active admin cannot be demoted (disabled admins
 * do not count).
 */
export async function setRole(
  db: Db,
  audit: AuditContext,
  input: { userId: string; role: Role },
): Promise<AdminUserDto> {
  return db.transaction(async (tx) => {
    const admins = await tx
      .select({ id: users.id, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.role, "admin"))
      .for("update");
    const [target] = await tx.select(adminUserColumns).from(users).where(eq(users.id, input.userId)).for("update");
    if (!target) throw new DomainError("NOT_FOUND", "We could not find that account.");
    if (target.role === input.role) return toAdminUserDto(target);
    // A disabled administrator cannot run the shop: only active ones count.
    const otherActiveAdmins = admins.filter((admin) => admin.id !== target.id && admin.disabledAt === null);
    if (target.role === "admin" && target.disabledAt === null && otherActiveAdmins.length === 0) {
      throw new DomainError("CONFLICT", "This is the last administrator: make someone else an administrator first.");
    }
    const [updated] = await tx
      .update(users)
      .set({ role: input.role })
      .where(eq(users.id, target.id))
      .returning(adminUserColumns);
    if (!updated) throw new DomainError("NOT_FOUND", "We could not find that account.");
    await recordAudit(tx, audit, {
      action: "user.role_changed",
      target: { type: "user", id: target.id },
      summary: { email: target.email, before: { role: target.role }, after: { role: input.role } },
    });
    return toAdminUserDto(updated);
  });
}
