import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { users, userSessions } from "../../db/schema";
import type { DbOrTx } from "../../db/types";

export interface LiveSession {
  id: string;
  userId: string;
  linkConfirmedUntil: Date | null;
}

/** The session when it is live (not ended, not expired, its account not disabled), else null. */
export async function liveSessionOf(db: DbOrTx, sessionId: string): Promise<LiveSession | null> {
  const [session] = await db
    .select({ id: userSessions.id, userId: userSessions.userId, linkConfirmedUntil: userSessions.linkConfirmedUntil })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(
      and(
        eq(userSessions.id, sessionId),
        isNull(userSessions.revokedAt),
        gt(userSessions.expiresAt, sql`now()`),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  return session ?? null;
}
