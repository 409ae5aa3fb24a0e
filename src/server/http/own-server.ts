import { createHmac, randomBytes } from "node:crypto";
import { sameSecret } from "../security/same-secret";

// On globalThis: the production server and Next's bundles are separate module graphs in one process.
const store = globalThis as typeof globalThis & { __storefrontOwnServerSecret?: string };

/**
 * This process's secret, made by the production server (server/index.ts) when
 * it starts and never sent to a client. Under `next start`, `next dev` or a
 * serverless host nothing makes it, so nothing is ever taken as vouched for.
 */
export function ownServerSecret(): string {
  store.__storefrontOwnServerSecret ??= randomBytes(32).toString("base64");
  return store.__storefrontOwnServerSecret;
}

/** True once this process's own server has started (npm start), false under Next's own server. */
export function runsOwnServer(): boolean {
  return store.__storefrontOwnServerSecret !== undefined;
}

/** True when `offered` is this process's secret. */
export function isOwnServerSecret(offered: string | null | undefined): boolean {
  const secret = store.__storefrontOwnServerSecret;
  return Boolean(secret && offered && sameSecret(offered, secret));
}

function signatureOf(value: string, secret: string): string {
  return createHmac("sha256", secret).update(value).digest("base64url");
}

/** `value` with this process's signature, for a header only this server may set. */
export function vouchFor(value: string): string {
  return `${value} ${signatureOf(value, ownServerSecret())}`;
}

/** The value of a header made by `vouchFor` in this process, or null when there is none or someone else made it. */
export function vouchedValue(header: string | null | undefined): string | null {
  const secret = store.__storefrontOwnServerSecret;
  if (!secret || !header) return null;
  const separator = header.lastIndexOf(" ");
  if (separator <= 0) return null;
  const value = header.slice(0, separator);
  return sameSecret(header.slice(separator + 1), signatureOf(value, secret)) ? value : null;
}
