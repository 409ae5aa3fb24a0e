import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/env";
import { bearerToken } from "../auth/identity";
import { metrics } from "../observability/metrics";

const digest = (value: string) => createHash("sha256").update(value).digest();

function errorAnswer(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ code, message }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/**
 * GET /api/metrics: Prometheus text for a scraper holding METRICS_TOKEN. With
 * no token configured the endpoint does not exist (404), so a deployment
 * never exposes its numbers by forgetting a setting.
 */
export async function answerMetrics(headers: Headers, expected = env.METRICS_TOKEN): Promise<Response> {
  if (!expected) return errorAnswer(404, "NOT_FOUND", "There is nothing at this address.");
  const offered = bearerToken(headers);
  // Compared as digests: equal lengths, and no early exit that times how much of the token matched.
  if (!offered || !timingSafeEqual(digest(offered), digest(expected))) {
    return errorAnswer(401, "UNAUTHORIZED", "Send the metrics token as `Authorization: Bearer <METRICS_TOKEN>`.", {
      "WWW-Authenticate": 'Bearer realm="metrics"',
    });
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
  });
}
