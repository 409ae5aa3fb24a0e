import { createHmac } from "node:crypto";
import { getAuthSecret } from "../security/auth-secret";
import { sameSecret } from "../security/same-secret";

// A purpose of its own, so this signature can never stand in for any other the secret makes.
const PURPOSE = "storefront unsubscribe v1";

function signature(userId: string): string {
  return createHmac("sha256", getAuthSecret()).update(`${PURPOSE}\n${userId}`).digest("base64url");
}

/** The token in an unsubscribe link: it names the account and proves the shop made the link. */
export function unsubscribeToken(userId: string): string {
  return `${userId}.${signature(userId)}`;
}

/** The account an unsubscribe token names, or null when it was not made by this shop. */
export function userIdFromUnsubscribeToken(token: string): string | null {
  const [userId, mac, ...rest] = token.split(".");
  if (!userId || !mac || rest.length > 0) return null;
  return sameSecret(mac, signature(userId)) ? userId : null;
}
