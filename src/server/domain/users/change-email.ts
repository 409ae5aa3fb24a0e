import { and, eq, ne } from "drizzle-orm";
import { users } from "../../db/schema";
import type { Db } from "../../db/types";
import { verifyPassword } from "../../security/password";
import { recordAudit, type AuditContext } from "../audit/record-audit";
import { DomainError } from "../errors";
import { revokeEmailTokens } from "../email-tokens/issue-email-token";
import { WrongCurrentPassword } from "./change-password";
import { mailVerificationLink } from "./send-verification";

const ADDRESS_TAKEN_MESSAGE = "An account with this email already exists.";

/**
 * Starts moving the account to a new address: checks the password (a wrong one
 * is WrongCurrentPassword, counted like a failed sign-in by the caller) and
 * mails a verification link to the new address. The account keeps its current
 * address until that link is followed (verify-email.ts); an earlier pending
 * move stops working, so only the newest one can complete.
 */
export async function changeEmail(
  db: Db,
  audit: AuditContext,
  input: { email: string; currentPassword: string },
  now = new Date(),
): Promise<{ pendingEmail: string }> {
  const userId = audit.actor.id;
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user) throw new DomainError("NOT_FOUND", "We could not find your account.");
  if (!user.passwordHash) {
    throw new DomainError("CONFLICT", "Set a password for your account first, then change your address.");
  }
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw new WrongCurrentPassword();
  if (input.email === user.email) throw new DomainError("CONFLICT", "That is already your address.");
  return db.transaction(async (tx) => {
    // The account row before its tokens, the order every writer of tokens keeps (follow-email-link.ts).
    await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, input.email), ne(users.id, userId)))
      .limit(1);
    if (taken) throw new DomainError("CONFLICT", ADDRESS_TAKEN_MESSAGE);
    await revokeEmailTokens(tx, userId, { purpose: "verify_email", exceptEmail: user.email }, now);
    await mailVerificationLink(tx, { id: userId, name: user.name }, input.email, now);
    await recordAudit(tx, audit, {
      action: "account.email_change_requested",
      target: { type: "user", id: userId },
      summary: { before: { email: user.email }, pending: { email: input.email } },
    });
    return { pendingEmail: input.email };
  });
}
