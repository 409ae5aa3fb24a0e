import { env } from "@/env";

/** Set by our production server (server/index.ts) from the TCP connection, after removing any sent by the client. */
export const PEER_ADDRESS_HEADER = "x-storefront-peer";

export interface ClientIpConfig {
  /** A header your platform or proxy sets and callers cannot: `x-real-ip`, `x-vercel-forwarded-for`, … */
  header?: string;
  /** How many proxies you run in front of the app, each appending to X-Forwarded-For. */
  trustedHops: number;
}

const configured: ClientIpConfig = { header: env.CLIENT_IP_HEADER, trustedHops: env.TRUSTED_PROXY_HOPS };

/**
 * The address rate limits and audit rows use, from the one source the
 * deployment says to trust, so a header any caller can set never moves a
 * caller into another bucket:
 * - CLIENT_IP_HEADER: the first address in that header;
 * - TRUSTED_PROXY_HOPS = N: the X-Forwarded-For entry the outermost of your N
 *   proxies appended (the client's own entries are always further left);
 * - neither (no proxy): the TCP peer, recorded by the production server.
 */
export function clientIpFrom(headers: Headers, config: ClientIpConfig = configured): string {
  if (config.header) return headers.get(config.header)?.split(",")[0]?.trim() || "unknown";
  if (config.trustedHops > 0) {
    const hops = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    return hops[hops.length - config.trustedHops] ?? "unknown";
  }
  return headers.get(PEER_ADDRESS_HEADER) || "unknown";
}
