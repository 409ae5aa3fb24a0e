import { env } from "@/env";

/**
 * The client address as seen by the outermost proxy we trust. Each trusted
 * proxy appends the address it saw to X-Forwarded-For, so the entry
 * TRUSTED_PROXY_HOPS from the right cannot be forged by the client, whose own
 * entries are always further left.
 */
export function clientIpFrom(headers: Headers, trustedHops = env.TRUSTED_PROXY_HOPS): string {
  const forwarded = headers.get("x-forwarded-for");
  if (!forwarded || trustedHops === 0) return "unknown";
  const hops = forwarded
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return hops[Math.max(0, hops.length - trustedHops)] ?? "unknown";
}
