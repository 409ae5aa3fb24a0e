import { eq } from "drizzle-orm";
import type { ChangePasswordInput } from "@/lib/contracts/account";
import { users } from "../../db/schema";
import type { Db } from "../../db/types";
import { shopLink } from "../../mail/links";
import { enqueueMail } from "../../mail/enqueue-mail";
import { hashPassword, verifyPassword } from "../../security/password";
import { recordAudit, type AuditContext } from "../audit/record-audit";
import { DomainError } from "../errors";
import { revokeEmailTokens } from "../email-tokens/issue-email-token";
import { endAllSessions } from "../sessions/sessions";
import { dropSignInMethods } from "../sign-in-methods/sign-in-methods";
import { revokeAllApiTokens } from "../tokens/revoke-token";
import { assertUncommonPassword } from "./sign-up";

/** The password the caller typed as their current one is not it: a guess, counted like a failed sign-in. */
export class WrongCurrentPassword extends DomainError {
  constructor() {
    const message = "Your current password is not right";
    super("BAD_REQUEST", `Invalid input. currentPassword: ${message}`, {
      issues: [{ path: "currentPassword", message }],
    });
  }
}

/**
 * Throws WrongCurrentPassword unless `password` is the account's; an account
 * without a password (made through a provider) must set one first.
 */
export async function verifyCurrentPassword(db: Db, userId: string, password: string): Promise<void> {
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user?.passwordHash) {
    throw new DomainError("CONFLICT", "Set a password for your account first, then link another sign-in method.");
  }
  if (!(await verifyPassword(user.passwordHash, password))) throw new WrongCurrentPassword();
}

/** False for accounts made through an identity provider that never set a password. */
export async function hasPassword(db: Db, userId: string): Promise<boolean> {
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  return Boolean(user?.passwordHash);
}

/**
 * Sets a new password after checking the current one (an account made through
 * an identity provider may set its first password without one). Every other
 * session of the account ends and every API token is revoked (whoever knew the
 * old password may have made one); the session making the change stays signed in.
 * Linked identity providers are removed too unless the caller asked to keep
 * them: whoever held the account may have linked their own. The owner is told
 * by mail, with a way to reset the password if it was not them.
 */
export async function changePassword(
  db: Db,
  audit: AuditContext,
  input: ChangePasswordInput,
  keepSessionId: string | null,
  now = new Date(),
): Promise<{ otherSessionsEnded: number; signInMethodsRemoved: string[] }> {
  assertUncommonPassword(input.newPassword, "newPassword");
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, audit.actor.id))
    .limit(1);
  if (!user) throw new DomainError("NOT_FOUND", "We could not find your account.");
  if (user.passwordHash && !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new WrongCurrentPassword();
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, audit.actor.id));
    const otherSessionsEnded = await endAllSessions(tx, audit.actor.id, keepSessionId);
    const tokensRevoked = await revokeAllApiTokens(tx, audit.actor.id);
    const signInMethodsRemoved = input.keepSignInMethods ? [] : await dropSignInMethods(tx, audit.actor.id);
    const { id, email, name } = audit.actor;
    // A pending move to another address may be an intruder's: the new password ends it with everything else.
    await revokeEmailTokens(tx, id, { purpose: "verify_email", exceptEmail: email });
    const mail = { kind: "password-changed", to: email, name, resetUrl: shopLink("/forgot-password") } as const;
    await enqueueMail(tx, mail, `password-changed:${id}:${now.getTime()}`);
    await recordAudit(tx, audit, {
      action: "account.password_changed",
      target: { type: "user", id: audit.actor.id },
      summary: { otherSessionsEnded, tokensRevoked, signInMethodsRemoved },
    });
    return { otherSessionsEnded, signInMethodsRemoved };
  });
}
