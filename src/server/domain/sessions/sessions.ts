import { randomBytes } from "node:crypto";
import { and, eq, isNull, ne } from "drizzle-orm";
import { userSessions } from "../../db/schema";
import type { DbOrTx } from "../../db/types";

/** Sessions last this long from sign-in, however often they are used. */
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

/** A new server-side session for a user who just signed in; its id goes into the session cookie. */
export async function startSession(
  db: DbOrTx,
  session: { userId: string; userAgent?: string | null; clientIp?: string | null },
  now = new Date(),
): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db.insert(userSessions).values({
    id,
    userId: session.userId,
    expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
    userAgent: session.userAgent?.slice(0, 300) ?? null,
    clientIp: session.clientIp ?? null,
  });
  return id;
}

/** Ends one session (sign-out); ending it twice is harmless. */
export async function endSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)));
}

/** Ends every session of a user, or every one but `keep` (after a password change). Returns how many ended. */
export async function endAllSessions(db: DbOrTx, userId: string, keep?: string | null): Promise<number> {
  const ended = await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        ...(keep ? [ne(userSessions.id, keep)] : []),
      ),
    )
    .returning({ id: userSessions.id });
  return ended.length;
}
