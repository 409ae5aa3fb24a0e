import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import type { Db, DbOrTx } from "../../db/types";
import { shopLink } from "../../mail/links";
import { enqueueMail } from "../../mail/enqueue-mail";
import { DomainError } from "../errors";
import { issueEmailToken, revokeEmailTokens } from "../email-tokens/issue-email-token";

/**
 * Mails a verification link for `email`: the account's own address, or the one
 * it is moving to (the account keeps its address until the link is followed).
 * Call it in the transaction of the change that needs the mail.
 */
export async function mailVerificationLink(
  tx: DbOrTx,
  user: { id: string; name: string },
  email: string,
  now = new Date(),
): Promise<void> {
  const issued = await issueEmailToken(tx, { userId: user.id, purpose: "verify_email", email }, now);
  const url = shopLink("/verify-email", { token: issued.token });
  await enqueueMail(tx, { kind: "verify-email", to: email, name: user.name, url }, `verify-email:${issued.id}`);
}

/** A fresh link for the account's current address; earlier links for it stop working. CONFLICT once verified. */
export async function resendVerification(db: Db, userId: string, now = new Date()): Promise<{ sentTo: string }> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, name: users.name, emailVerified: users.emailVerified })
      .from(users)
      .where(eq(users.id, userId))
      .for("update");
    if (!user) throw new DomainError("NOT_FOUND", "We could not find your account.");
    if (user.emailVerified) throw new DomainError("CONFLICT", "Your email address is already verified.");
    await revokeEmailTokens(tx, user.id, { purpose: "verify_email", email: user.email }, now);
    await mailVerificationLink(tx, user, user.email, now);
    return { sentTo: user.email };
  });
}
