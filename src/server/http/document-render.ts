import { randomBytes } from "node:crypto";
import { isOwnServerSecret, ownServerSecret } from "./own-server";

/**
 * The production server's document cache (server/document-cache.ts) has Next.js
 * render a page with a nonce of its choosing, which it swaps for a fresh one in
 * every copy it serves. Only a request carrying this process's secret may pick
 * its nonce: a client that could would defeat the CSP.
 */
export const DOCUMENT_RENDER_HEADER = "x-storefront-document-render";
export const DOCUMENT_NONCE_HEADER = "x-storefront-document-nonce";

/** This process's secret for render requests (never sent to a client). */
export function documentRenderSecret(): string {
  return ownServerSecret();
}

/** True when the request is this process's own render (it carries the process's secret). */
export function isDocumentRender(headers: Headers): boolean {
  return isOwnServerSecret(headers.get(DOCUMENT_RENDER_HEADER));
}

/** A fresh CSP nonce: 18 random bytes in base64 (no padding). */
export function freshNonce(): string {
  return randomBytes(18).toString("base64");
}

/** The nonce a render request asks for, or null for any other request. */
export function requestedRenderNonce(headers: Headers): string | null {
  if (!isDocumentRender(headers)) return null;
  const nonce = headers.get(DOCUMENT_NONCE_HEADER);
  return nonce && /^[A-Za-z0-9+/]{16,64}$/.test(nonce) ? nonce : null;
}
