import { createHmac, hkdfSync } from "node:crypto";
import { e2eServerEnv } from "./server-env";

/**
 * Signs a body as the built-in test provider does (`t=<unix>,v1=<HMAC-SHA256 of "t.body">`, keyed
 * from AUTH_SECRET for that purpose alone), so a test can send the shop deliveries of its own:
 * replays, stale ones, forged ones. Written from the scheme, not imported, so the shop's code is
 * checked against an independent signer.
 */
export function testProviderSignature(body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const key = Buffer.from(
    hkdfSync("sha256", e2eServerEnv.AUTH_SECRET, "", "storefront test payment provider webhooks v1", 32),
  );
  return `t=${timestamp},v1=${createHmac("sha256", key).update(`${timestamp}.${body}`).digest("hex")}`;
}

export async function postTestWebhook(baseURL: string, body: string, signature: string | null): Promise<Response> {
  return fetch(`${baseURL}/api/payments/webhook/test`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(signature ? { "test-provider-signature": signature } : {}) },
    body,
  });
}
