import { and, eq, isNull, ne, type SQL } from "drizzle-orm";
import { emailTokens, type EmailTokenPurpose } from "../../db/schema";
import type { DbOrTx } from "../../db/types";
import { hashEmailToken, newEmailToken } from "./token-secret";

/** How long a mailed link works: a reset briefly (it hands over the account), a verification for a day. */
export const EMAIL_TOKEN_LIFETIME_MINUTES: Record<EmailTokenPurpose, number> = {
  password_reset: 30,
  verify_email: 24 * 60,
};

export interface IssuedEmailToken {
  id: string;
  /** The token itself, for the link in the mail; never stored. */
  token: string;
  expiresAt: Date;
}

/** A new single-use token for a link mailed to `email` (for a change of address, the new one). */
export async function issueEmailToken(
  tx: DbOrTx,
  request: { userId: string; purpose: EmailTokenPurpose; email: string },
  now = new Date(),
): Promise<IssuedEmailToken> {
  const token = newEmailToken();
  const expiresAt = new Date(now.getTime() + EMAIL_TOKEN_LIFETIME_MINUTES[request.purpose] * 60_000);
  const [row] = await tx
    .insert(emailTokens)
    .values({ ...request, tokenHash: hashEmailToken(token), expiresAt, createdAt: now })
    .returning({ id: emailTokens.id });
  if (!row) throw new Error("the email token was not stored");
  return { id: row.id, token, expiresAt };
}

/**
 * Ends a user's unused tokens so their links stop working: of one purpose or
 * every one, and optionally only those mailed to (or not to) one address.
 * Returns how many ended.
 */
export async function revokeEmailTokens(
  tx: DbOrTx,
  userId: string,
  filter: { purpose?: EmailTokenPurpose; email?: string; exceptEmail?: string } = {},
  now = new Date(),
): Promise<number> {
  const conditions: SQL[] = [eq(emailTokens.userId, userId), isNull(emailTokens.usedAt)];
  if (filter.purpose) conditions.push(eq(emailTokens.purpose, filter.purpose));
  if (filter.email !== undefined) conditions.push(eq(emailTokens.email, filter.email));
  if (filter.exceptEmail !== undefined) conditions.push(ne(emailTokens.email, filter.exceptEmail));
  const revoked = await tx
    .update(emailTokens)
    .set({ usedAt: now })
    .where(and(...conditions))
    .returning({ id: emailTokens.id });
  return revoked.length;
}
