import { createHash, randomBytes } from "node:crypto";

/** A new link token (256 random bits): it goes into the mail, and only its hash is kept. */
export function newEmailToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What is stored and looked up instead of the token: the token is random, so a fast hash is enough. */
export function hashEmailToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** True when a string has the shape of one of our link tokens (cheap check before any query). */
export function looksLikeEmailToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
