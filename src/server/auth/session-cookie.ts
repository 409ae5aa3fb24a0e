import { LRUCache } from "lru-cache";
import { decode } from "next-auth/jwt";
import { z } from "zod";
import { getAuthSecret } from "../security/auth-secret";

// Auth.js names the cookie by whether it was set over HTTPS.
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

const sessionClaims = z.object({ sub: z.uuid(), sid: z.string().min(20).max(100), exp: z.number().optional() });

/**
 * Decrypting a token costs four Web Crypto jobs (key derivation, key import,
 * MAC check, AES), more than the rest of a signed-in read together; a browser
 * sends the same token with every request. So a token that decrypted is
 * remembered, bounded in count and never past its own expiry or a minute.
 * Only the decryption is saved: the session row is still read on every
 * request, so signing out or revocation take effect at once.
 */
const decryptedTokens = new LRUCache<string, string>({ max: 10_000, ttl: 60_000 });

function parseCookies(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header.split(";")) {
    const separator = part.indexOf("=");
    if (separator === -1) continue;
    const name = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (!name) continue;
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      // Someone else's malformed cookie (e.g. from a sibling subdomain) is not our business.
    }
  }
  return cookies;
}

/** The session JWT and the cookie name it was found under (Auth.js uses the name as salt). */
export function findSessionToken(cookieHeader: string | null): { name: string; token: string } | null {
  if (!cookieHeader?.includes("authjs.session-token")) return null;
  const cookies = parseCookies(cookieHeader);
  for (const name of SESSION_COOKIES) {
    const whole = cookies.get(name);
    if (whole) return { name, token: whole };
    // Large sessions are split into name.0, name.1, … by Auth.js.
    const chunks: string[] = [];
    for (let index = 0; cookies.has(`${name}.${index}`); index++) chunks.push(cookies.get(`${name}.${index}`) ?? "");
    if (chunks.length > 0) return { name, token: chunks.join("") };
  }
  return null;
}

/**
 * The session id in the session cookie: one decryption, no Auth.js request
 * handling and no cookie re-encryption on the hot path. Invalid, expired or
 * foreign tokens, and tokens from before server-side sessions, count as none.
 */
export async function sessionIdFromCookie(cookieHeader: string | null): Promise<string | null> {
  const found = findSessionToken(cookieHeader);
  return found ? sessionIdFromToken(found) : null;
}

/** The session id in a session token already found in the cookies (see sessionIdFromCookie). */
export async function sessionIdFromToken(found: { name: string; token: string }): Promise<string | null> {
  const cacheKey = `${found.name}=${found.token}`;
  const remembered = decryptedTokens.get(cacheKey);
  if (remembered !== undefined) return remembered;
  try {
    const payload = await decode({ token: found.token, secret: getAuthSecret(), salt: found.name });
    const claims = sessionClaims.safeParse(payload);
    if (!claims.success) return null;
    const { sid, exp } = claims.data;
    const secondsLeft = exp === undefined ? 60 : exp - Date.now() / 1000;
    if (secondsLeft > 0) decryptedTokens.set(cacheKey, sid, { ttl: Math.min(60_000, secondsLeft * 1000) });
    return sid;
  } catch {
    return null;
  }
}
