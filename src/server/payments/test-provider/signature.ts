import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { getAuthSecret } from "../../security/auth-secret";

export const SIGNATURE_HEADER = "test-provider-signature";

// A purpose of its own, so this key can never stand in for anything else AUTH_SECRET makes.
function signingKey(): Buffer {
  return Buffer.from(hkdfSync("sha256", getAuthSecret(), "", "storefront test payment provider webhooks v1", 32));
}

function mac(timestamp: number, body: string): string {
  return createHmac("sha256", signingKey()).update(`${timestamp}.${body}`).digest("hex");
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, as Stripe signs its webhooks. */
export function signWebhook(body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${mac(timestamp, body)}`;
}

/** Why a signature does not hold, or null when it does (and is no older than the tolerance). */
export function signatureProblem(body: string, header: string | null, toleranceSeconds: number): string | null {
  if (!header) return `The ${SIGNATURE_HEADER} header is missing`;
  const parts = new Map(header.split(",").map((part) => part.trim().split("=", 2) as [string, string]));
  const timestamp = Number(parts.get("t"));
  const given = parts.get("v1");
  if (!Number.isInteger(timestamp) || !given) return `The ${SIGNATURE_HEADER} header is malformed`;
  if (Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds)
    return "The signature's timestamp is outside the tolerance";
  const expected = Buffer.from(mac(timestamp, body), "hex");
  const actual = Buffer.from(given, "hex");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return "The signature does not match";
  return null;
}
