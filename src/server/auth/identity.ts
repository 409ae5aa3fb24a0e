import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { TokenScope } from "@/lib/permissions";
import { apiTokens, users, userSessions } from "../db/schema";
import type { Db } from "../db/types";
import type { Actor } from "../domain/actor";
import { logger } from "../observability/logger";
import { hashApiToken, looksLikeApiToken } from "../security/api-token";
import { sessionIdFromCookie } from "./session-cookie";

/** Who is calling and how they proved it: the same shape for a session cookie and a bearer token. */
export interface Identity extends Actor {
  method: "session" | "token";
  /** What a token may do; null for a session, which may do all its role allows. */
  scopes: readonly TokenScope[] | null;
  /** The server-side session behind a cookie; null for a token. */
  sessionId: string | null;
}

// Last-used times are written at most this often per token, so a busy client costs no write per request.
const LAST_USED_RESOLUTION_MS = 60_000;

const actorColumns = { id: users.id, email: users.email, name: users.name, role: users.role };

/**
 * The session named by the `sid` placeholder, when it is live: not ended, not
 * expired, its account not disabled. For queries from user_sessions joined to users.
 */
export function liveSessionWhere() {
  return and(
    eq(userSessions.id, sql.placeholder("sid")),
    isNull(userSessions.revokedAt),
    gt(userSessions.expiresAt, sql`now()`),
    isNull(users.disabledAt),
  );
}

function prepareSession(db: Db) {
  return db
    .select(actorColumns)
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(liveSessionWhere())
    .limit(1)
    .prepare("identity_by_session");
}

function prepareToken(db: Db) {
  return db
    .select({ ...actorColumns, tokenId: apiTokens.id, scopes: apiTokens.scopes, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, sql.placeholder("hash")),
        isNull(apiTokens.revokedAt),
        gt(apiTokens.expiresAt, sql`now()`),
        isNull(users.disabledAt),
      ),
    )
    .limit(1)
    .prepare("identity_by_token");
}

const prepared = new WeakMap<
  Db,
  { session: ReturnType<typeof prepareSession>; token: ReturnType<typeof prepareToken> }
>();

function queries(db: Db) {
  let found = prepared.get(db);
  if (!found) prepared.set(db, (found = { session: prepareSession(db), token: prepareToken(db) }));
  return found;
}

/** The bearer token of an Authorization header, or undefined when there is none. */
export function bearerToken(headers: Headers): string | undefined {
  const header = headers.get("authorization");
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? "";
}

async function identityFromToken(db: Db, token: string): Promise<Identity | null> {
  if (!looksLikeApiToken(token)) return null;
  const [row] = await queries(db).token.execute({ hash: hashApiToken(token) });
  if (!row) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    db.update(apiTokens)
      .set({ lastUsedAt: new Date(now) })
      .where(eq(apiTokens.id, row.tokenId))
      .catch((error: unknown) => logger.warn({ err: error }, "could not record a token's last use"));
  }
  const { id, email, name, role, scopes } = row;
  return { id, email, name, role, method: "token", scopes, sessionId: null };
}

/** The account behind a live server-side session, or null when it ended, expired or its account is disabled. */
export async function identityFromSession(db: Db, sessionId: string): Promise<Identity | null> {
  const [user] = await queries(db).session.execute({ sid: sessionId });
  return user ? { ...user, method: "session", scopes: null, sessionId } : null;
}

/**
 * Who is calling, from `Authorization: Bearer <token>` or else the session
 * cookie: one indexed query either way, never cached, so signing out, a role
 * change, a revoked or expired token and a deleted or disabled account take
 * effect on the very next request. A request that presents a bearer token is
 * judged by it alone.
 */
export async function resolveIdentity(db: Db, headers: Headers): Promise<Identity | null> {
  const token = bearerToken(headers);
  if (token !== undefined) return identityFromToken(db, token);
  const sessionId = await sessionIdFromCookie(headers.get("cookie"));
  return sessionId ? identityFromSession(db, sessionId) : null;
}
