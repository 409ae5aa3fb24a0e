import { eq } from "drizzle-orm";
import { userSessions } from "../../db/schema";
import type { DbOrTx } from "../../db/types";
import type { LiveSession } from "../sessions/live-session";

/** How long after a password check a session may link an identity provider. */
export const LINK_CONFIRMATION_MS = 10 * 60 * 1000;

/** Lets this session link one identity provider within LINK_CONFIRMATION_MS (the password was just checked). */
export async function confirmLinking(db: DbOrTx, sessionId: string, now = new Date()): Promise<Date> {
  const until = new Date(now.getTime() + LINK_CONFIRMATION_MS);
  await db.update(userSessions).set({ linkConfirmedUntil: until }).where(eq(userSessions.id, sessionId));
  return until;
}

export function linkingConfirmed(session: Pick<LiveSession, "linkConfirmedUntil">, now = new Date()): boolean {
  return session.linkConfirmedUntil !== null && session.linkConfirmedUntil > now;
}

/** A link was made: the confirmation is spent, in every session of the user. */
export async function spendLinkConfirmation(db: DbOrTx, userId: string): Promise<void> {
  await db.update(userSessions).set({ linkConfirmedUntil: null }).where(eq(userSessions.userId, userId));
}
