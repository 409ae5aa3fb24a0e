import { and, isNotNull, lt, or } from "drizzle-orm";
import { apiTokens, emailTokens, userSessions } from "../../db/schema";
import type { Db } from "../../db/types";

// Ended sessions and tokens are kept a while, so "signed out" and "revoked" can still be told apart from "unknown".
const KEEP_ENDED_MS = 30 * 24 * 3_600_000;

/** Deletes sessions, API tokens and mailed links that ended long enough ago; returns how many of each. */
export async function pruneExpired(db: Db, now = new Date()): Promise<Record<string, number>> {
  const before = new Date(now.getTime() - KEEP_ENDED_MS);
  const sessions = await db
    .delete(userSessions)
    .where(
      or(
        lt(userSessions.expiresAt, before),
        and(isNotNull(userSessions.revokedAt), lt(userSessions.revokedAt, before)),
      ),
    )
    .returning({ id: userSessions.id });
  const tokens = await db
    .delete(apiTokens)
    .where(or(lt(apiTokens.expiresAt, before), and(isNotNull(apiTokens.revokedAt), lt(apiTokens.revokedAt, before))))
    .returning({ id: apiTokens.id });
  // Mailed links are worthless once expired: nothing needs to tell them apart afterwards.
  const links = await db.delete(emailTokens).where(lt(emailTokens.expiresAt, now)).returning({ id: emailTokens.id });
  return { sessions: sessions.length, apiTokens: tokens.length, emailLinks: links.length };
}
