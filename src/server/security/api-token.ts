import { createHash, randomBytes } from "node:crypto";

/** Recognisable in logs, secret scanners and support tickets. */
export const API_TOKEN_PREFIX = "sf_";

/** A new random token (256 bits), shown to its owner once and never stored. */
export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/**
 * What is stored and looked up instead of the token. A fast hash is enough:
 * the token is random, so there is nothing to guess, only to look up.
 */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** True when a string has the shape of one of our tokens (cheap check before any query). */
export function looksLikeApiToken(value: string): boolean {
  return /^sf_[A-Za-z0-9_-]{43}$/.test(value);
}
