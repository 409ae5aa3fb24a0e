import { and, eq, ne, sql } from "drizzle-orm";
import { users } from "../../db/schema";
import { isUniqueViolation } from "../../db/errors";
import type { Db, Tx } from "../../db/types";
import { enqueueMail } from "../../mail/enqueue-mail";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { DomainError } from "../errors";
import type { ConsumedEmailToken } from "../email-tokens/consume-email-token";
import { revokeEmailTokens } from "../email-tokens/issue-email-token";
import { followEmailLink } from "./follow-email-link";

const ADDRESS_NOW_TAKEN = "That address now belongs to another account.";

type Origin = { requestId: string; clientIp: string };

/**
 * Follows a verification link. For the account's own address it marks the
 * address verified; for the address it is moving to (account.changeEmail) it
 * makes that the account's address, verified, and tells the old address.
 */
export async function verifyEmail(
  db: Db,
  origin: Origin,
  token: string,
  now = new Date(),
): Promise<{ email: string; verified: true }> {
  try {
    return await db.transaction(async (tx) => {
      const { link, user } = await followEmailLink(tx, "verify_email", token, now);
      if (link.email === user.email) return confirmAddress(tx, origin, user, now);
      return moveToAddress(tx, origin, user, link, now);
    });
  } catch (error) {
    // Someone took the address between our check and the update: the unique index decided.
    if (isUniqueViolation(error)) throw new DomainError("CONFLICT", ADDRESS_NOW_TAKEN);
    throw error;
  }
}

async function confirmAddress(tx: Tx, origin: Origin, user: Actor, now: Date) {
  await tx
    .update(users)
    .set({ emailVerified: sql`coalesce(${users.emailVerified}, ${now.toISOString()}::timestamptz)` })
    .where(eq(users.id, user.id));
  await recordAudit(
    tx,
    { actor: user, ...origin },
    {
      action: "account.email_verified",
      target: { type: "user", id: user.id },
      summary: { email: user.email },
    },
  );
  return { email: user.email, verified: true as const };
}

/**
 * Every other link of the account stops working with the move: reset links
 * went to the old address, and an older verification link must not move it back.
 */
async function moveToAddress(tx: Tx, origin: Origin, user: Actor, link: ConsumedEmailToken, now: Date) {
  const newEmail = link.email.toLowerCase();
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, newEmail), ne(users.id, user.id)))
    .limit(1);
  if (taken) throw new DomainError("CONFLICT", ADDRESS_NOW_TAKEN);
  await tx.update(users).set({ email: newEmail, emailVerified: now }).where(eq(users.id, user.id));
  await revokeEmailTokens(tx, user.id, {}, now);
  await enqueueMail(
    tx,
    { kind: "email-changed", to: user.email, name: user.name, newEmail },
    `email-changed:${link.id}`,
  );
  await recordAudit(
    tx,
    { actor: { ...user, email: newEmail }, ...origin },
    {
      action: "account.email_changed",
      target: { type: "user", id: user.id },
      summary: { before: { email: user.email }, after: { email: newEmail } },
    },
  );
  return { email: newEmail, verified: true as const };
}
