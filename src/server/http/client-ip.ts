import { env } from "@/env";
import { vouchedValue, vouchFor } from "./own-server";

/**
 * The client's address as this process's own server (server/index.ts) resolved
 * it, signed with the process's secret: a caller can send the header, but not
 * a value this process signed, so a forged one is ignored. A page render the
 * server makes on a visitor's behalf carries that visitor's value.
 */
export const CLIENT_ADDRESS_HEADER = "x-storefront-client";

export interface ClientIpConfig {
  /** A header your platform or proxy sets and callers cannot: `x-real-ip`, `x-vercel-forwarded-for`, … */
  header?: string;
  /** How many proxies you run in front of the app, each appending to X-Forwarded-For. */
  trustedHops: number;
}

const configured: ClientIpConfig = { header: env.CLIENT_IP_HEADER, trustedHops: env.TRUSTED_PROXY_HOPS };

/** True when the deployment names where client addresses come from (a header or proxy hops). */
export function clientIpSourceConfigured(config: ClientIpConfig = configured): boolean {
  return Boolean(config.header) || config.trustedHops > 0;
}

/**
 * The address from the one source the deployment says to trust, so a header
 * any caller can set never moves a caller into another bucket:
 * - CLIENT_IP_HEADER: the first address in that header;
 * - TRUSTED_PROXY_HOPS = N: the X-Forwarded-For entry the outermost of your N
 *   proxies appended (the client's own entries are always further left);
 * - neither (no proxy): the TCP peer, when the server knows it.
 */
export function resolveClientIp(
  headers: Pick<Headers, "get">,
  peer: string | null,
  config: ClientIpConfig = configured,
): string {
  if (config.header) return headers.get(config.header)?.split(",")[0]?.trim() || "unknown";
  if (config.trustedHops > 0) {
    const hops = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    return hops[hops.length - config.trustedHops] ?? "unknown";
  }
  return peer || "unknown";
}

/** The header value the production server puts on a request it resolved the client of. */
export function vouchedClientAddress(address: string): string {
  return vouchFor(address);
}

/**
 * The address rate limits and audit rows use: what this process's own server
 * resolved (npm start), else the configured source. Under Next's own server
 * with neither CLIENT_IP_HEADER nor TRUSTED_PROXY_HOPS the address is
 * "unknown", one bucket for every caller (src/instrumentation.ts says so at start).
 */
export function clientIpFrom(headers: Headers, config: ClientIpConfig = configured): string {
  return vouchedValue(headers.get(CLIENT_ADDRESS_HEADER)) ?? resolveClientIp(headers, null, config);
}
