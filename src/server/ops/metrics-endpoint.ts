import { env } from "@/env";
import { bearerToken } from "../auth/identity";
import { metrics } from "../observability/metrics";
import { sameSecret } from "../security/same-secret";

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
  if (!offered || !sameSecret(offered, expected)) {
    return errorAnswer(401, "UNAUTHORIZED", "Send the metrics token as `Authorization: Bearer <METRICS_TOKEN>`.", {
      "WWW-Authenticate": 'Bearer realm="metrics"',
    });
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
  });
}
