import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { TokenScope } from "@/lib/permissions";
import { apiTokens, users } from "../db/schema";
import type { Db } from "../db/types";
import type { Actor } from "../domain/actor";
import { logger } from "../observability/logger";
import { hashApiToken, looksLikeApiToken } from "../security/api-token";
import { sessionUserId } from "./session-cookie";

/** Who is calling and how they proved it: the same shape for a session cookie and a bearer token. */
export interface Identity extends Actor {
  method: "session" | "token";
  /** What a token may do; null for a session, which may do all its role allows. */
  scopes: readonly TokenScope[] | null;
}

// Last-used times are written at most this often per token, so a busy client costs no write per request.
const LAST_USED_RESOLUTION_MS = 60_000;

function prepareUserById(db: Db) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.id, sql.placeholder("id")))
    .limit(1)
    .prepare("identity_user_by_id");
}

function prepareTokenByHash(db: Db) {
  return db
    .select({
      tokenId: apiTokens.id,
      scopes: apiTokens.scopes,
      lastUsedAt: apiTokens.lastUsedAt,
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, sql.placeholder("hash")),
        isNull(apiTokens.revokedAt),
        gt(apiTokens.expiresAt, sql`now()`),
      ),
    )
    .limit(1)
    .prepare("identity_token_by_hash");
}

const prepared = new WeakMap<
  Db,
  { userById: ReturnType<typeof prepareUserById>; tokenByHash: ReturnType<typeof prepareTokenByHash> }
>();

function queries(db: Db) {
  let found = prepared.get(db);
  if (!found) prepared.set(db, (found = { userById: prepareUserById(db), tokenByHash: prepareTokenByHash(db) }));
  return found;
}

/** An account's public fields by id, or undefined when it no longer exists. */
export async function findUserById(db: Db, id: string): Promise<Actor | undefined> {
  const [user] = await queries(db).userById.execute({ id });
  return user;
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
  const [row] = await queries(db).tokenByHash.execute({ hash: hashApiToken(token) });
  if (!row) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    db.update(apiTokens)
      .set({ lastUsedAt: new Date(now) })
      .where(eq(apiTokens.id, row.tokenId))
      .catch((error: unknown) => logger.warn({ err: error }, "could not record a token's last use"));
  }
  const { id, email, name, role, scopes } = row;
  return { id, email, name, role, method: "token", scopes };
}

/**
 * Who is calling, from `Authorization: Bearer <token>` or else the session
 * cookie: one indexed query either way, so a role change, a revoked or
 * expired token and a deleted user take effect on the very next request.
 * A request that presents a bearer token is judged by it alone.
 */
export async function resolveIdentity(db: Db, headers: Headers): Promise<Identity | null> {
  const token = bearerToken(headers);
  if (token !== undefined) return identityFromToken(db, token);
  const userId = await sessionUserId(headers.get("cookie"));
  if (!userId) return null;
  const user = await findUserById(db, userId);
  return user ? { ...user, method: "session", scopes: null } : null;
}
