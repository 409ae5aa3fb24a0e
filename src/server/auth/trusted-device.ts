import { createHmac, randomBytes } from "node:crypto";
import { z } from "zod";
import { sameSecret } from "../security/same-secret";
import { getAuthSecret } from "../security/auth-secret";

/**
 * A browser that has signed in to an account before carries a signed note
 * saying so. Its failed sign-ins for that account count against a budget of
 * its own instead of the account's: guessers spread over many networks can
 * use up the account's budget, but not lock out the owner's own devices,
 * since they cannot make the note (OWASP's "device cookies").
 */
export const DEVICE_COOKIE = "storefront-device";
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

const note = z.object({ email: z.string(), device: z.string(), issuedAt: z.number() });

function signatureOf(payload: string): string {
  return createHmac("sha256", getAuthSecret()).update(`trusted-device:${payload}`).digest("base64url");
}

/** A new note for a browser that just signed in to `email`. */
export function deviceNoteFor(email: string, now = Date.now()): string {
  const payload = Buffer.from(
    JSON.stringify({ email, device: randomBytes(12).toString("base64url"), issuedAt: now }),
  ).toString("base64url");
  return `${payload}.${signatureOf(payload)}`;
}

/** The device id in a Cookie header's note, when this server made it, for this account, and it is not too old. */
export function trustedDeviceFor(cookieHeader: string | null, email: string, now = Date.now()): string | null {
  const match = new RegExp(`(?:^|;\\s*)${DEVICE_COOKIE}=([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]+)`).exec(cookieHeader ?? "");
  if (!match?.[1] || !match[2] || !sameSecret(match[2], signatureOf(match[1]))) return null;
  let parsed: z.infer<typeof note>;
  try {
    parsed = note.parse(JSON.parse(Buffer.from(match[1], "base64url").toString("utf8")));
  } catch {
    return null;
  }
  const fresh = now - parsed.issuedAt < DEVICE_COOKIE_MAX_AGE_SECONDS * 1000;
  return parsed.email === email && fresh ? parsed.device : null;
}

/** The Set-Cookie value for a note, over HTTPS only when the shop is served over HTTPS. */
export function deviceCookieHeader(value: string, secure: boolean): string {
  return [
    `${DEVICE_COOKIE}=${value}`,
    "Path=/",
    `Max-Age=${DEVICE_COOKIE_MAX_AGE_SECONDS}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}
