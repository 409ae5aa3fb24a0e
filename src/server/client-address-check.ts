import { clientIpSourceConfigured } from "./http/client-ip";
import { runsOwnServer } from "./http/own-server";
import { logger } from "./observability/logger";

/**
 * Next's own server (`next start`, `next dev`, a serverless host) cannot see
 * the TCP peer, and no caller-set header is trusted: without CLIENT_IP_HEADER
 * or TRUSTED_PROXY_HOPS every caller shares one rate-limit bucket. Said once, at start.
 */
export function warnWhenClientAddressUnknown(): void {
  if (runsOwnServer() || clientIpSourceConfigured()) return;
  logger.warn(
    "client addresses are unknown under this server: every caller shares one rate-limit bucket. Set CLIENT_IP_HEADER (the header your platform sets, e.g. x-vercel-forwarded-for) or TRUSTED_PROXY_HOPS, or run `npm start`.",
  );
}
