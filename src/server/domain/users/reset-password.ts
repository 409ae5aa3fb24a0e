import { eq, sql } from "drizzle-orm";
import { users } from "../../db/schema";
import type { Db } from "../../db/types";
import { shopLink } from "../../mail/links";
import { enqueueMail } from "../../mail/enqueue-mail";
import { hashPassword } from "../../security/password";
import { recordAudit } from "../audit/record-audit";
import { findUsableEmailToken } from "../email-tokens/consume-email-token";
import { revokeEmailTokens } from "../email-tokens/issue-email-token";
import { endAllSessions } from "../sessions/sessions";
import { dropSignInMethods } from "../sign-in-methods/sign-in-methods";
import { revokeAllApiTokens } from "../tokens/revoke-token";
import { followEmailLink } from "./follow-email-link";
import { assertUncommonPassword } from "./sign-up";

/**
 * Sets a new password through a mailed link. A reset is how an account is
 * taken back, so everything whoever held it could still use goes in the same
 * transaction: every session, every API token, every linked identity provider
 * (they can be linked again once signed in) and every other reset link. The
 * link also proves the address, when it is still the account's.
 */
export async function resetPassword(
  db: Db,
  origin: { requestId: string; clientIp: string },
  input: { token: string; password: string },
  now = new Date(),
): Promise<void> {
  assertUncommonPassword(input.password);
  // A cheap look first, so an unknown token never costs an argon2 hash.
  await findUsableEmailToken(db, "password_reset", input.token, now);
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const { link, user } = await followEmailLink(tx, "password_reset", input.token, now);
    const addressProven = link.email === user.email;
    await tx
      .update(users)
      .set({
        passwordHash,
        ...(addressProven
          ? { emailVerified: sql`coalesce(${users.emailVerified}, ${now.toISOString()}::timestamptz)` }
          : {}),
      })
      .where(eq(users.id, user.id));
    await revokeEmailTokens(tx, user.id, { purpose: "password_reset" }, now);
    // Taking the account back also ends any pending move to another address (an intruder's, perhaps).
    await revokeEmailTokens(tx, user.id, { purpose: "verify_email", exceptEmail: user.email }, now);
    const sessionsEnded = await endAllSessions(tx, user.id);
    const tokensRevoked = await revokeAllApiTokens(tx, user.id);
    const signInMethodsRemoved = await dropSignInMethods(tx, user.id);
    const mail = {
      kind: "password-changed",
      to: user.email,
      name: user.name,
      resetUrl: shopLink("/forgot-password"),
    } as const;
    await enqueueMail(tx, mail, `password-changed:${link.id}`);
    await recordAudit(
      tx,
      { actor: user, ...origin },
      {
        action: "account.password_reset",
        target: { type: "user", id: user.id },
        summary: { sessionsEnded, tokensRevoked, signInMethodsRemoved, emailVerified: addressProven },
      },
    );
  });
}
