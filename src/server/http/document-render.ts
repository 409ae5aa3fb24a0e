import { randomBytes } from "node:crypto";
import { sameSecret } from "../security/same-secret";

/**
 * The production server's document cache (server/document-cache.ts) has Next.js
 * render a page with a nonce of its choosing, which it swaps for a fresh one in
 * every copy it serves. Only a request carrying this process's secret may pick
 * its nonce: a client that could would defeat the CSP.
 */
export const DOCUMENT_RENDER_HEADER = "x-storefront-document-render";
export const DOCUMENT_NONCE_HEADER = "x-storefront-document-nonce";

// On globalThis: the server and Next's bundles of the proxy are separate module graphs in one process.
const store = globalThis as typeof globalThis & { __storefrontDocumentRenderSecret?: string };

/** This process's secret for render requests (made on first use, never sent to a client). */
export function documentRenderSecret(): string {
  store.__storefrontDocumentRenderSecret ??= randomBytes(32).toString("base64");
  return store.__storefrontDocumentRenderSecret;
}

/** A fresh CSP nonce: 18 random bytes in base64 (no padding). */
export function freshNonce(): string {
  return randomBytes(18).toString("base64");
}

/** The nonce a render request asks for, or null for any other request. */
export function requestedRenderNonce(headers: Headers): string | null {
  const secret = store.__storefrontDocumentRenderSecret;
  const offered = headers.get(DOCUMENT_RENDER_HEADER);
  if (!secret || !offered || !sameSecret(offered, secret)) return null;
  const nonce = headers.get(DOCUMENT_NONCE_HEADER);
  return nonce && /^[A-Za-z0-9+/]{16,64}$/.test(nonce) ? nonce : null;
}
