import { and, eq, isNull } from "drizzle-orm";
import { users } from "../../db/schema";
import type { Db } from "../../db/types";
import { shopLink } from "../../mail/links";
import { enqueueMail } from "../../mail/enqueue-mail";
import { recordAudit } from "../audit/record-audit";
import { EMAIL_TOKEN_LIFETIME_MINUTES, issueEmailToken, revokeEmailTokens } from "../email-tokens/issue-email-token";

/**
 * Mails a password-reset link when `email` belongs to an active account (not
 * disabled, not deleted), and does nothing visible otherwise: the caller gets
 * the same answer either way. Both paths run the same lookup in one
 * transaction and the mail leaves later, from the job queue, so the known
 * path costs only a few more small writes: its timing gives little away.
 *
 * Accounts without a password (made through an identity provider) get a link
 * too: it is their way back in when the provider is lost, and following it
 * proves the same address the provider vouched for.
 *
 * The audit row names the account as actor, as sign-in rows do: whoever asked,
 * it is that account's password the request was about.
 */
export async function requestPasswordReset(
  db: Db,
  origin: { requestId: string; clientIp: string },
  email: string,
  now = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, name: users.name, role: users.role })
      .from(users)
      .where(and(eq(users.email, email), isNull(users.disabledAt), isNull(users.deletedAt)))
      .for("update");
    if (!user) return;
    await revokeEmailTokens(tx, user.id, { purpose: "password_reset" }, now);
    const issued = await issueEmailToken(tx, { userId: user.id, purpose: "password_reset", email: user.email }, now);
    const mail = {
      kind: "password-reset",
      to: user.email,
      name: user.name,
      url: shopLink("/reset-password", { token: issued.token }),
      validMinutes: EMAIL_TOKEN_LIFETIME_MINUTES.password_reset,
    } as const;
    await enqueueMail(tx, mail, `password-reset:${issued.id}`);
    await recordAudit(
      tx,
      { actor: user, ...origin },
      {
        action: "auth.password_reset_requested",
        target: { type: "user", id: user.id },
      },
    );
  });
}
