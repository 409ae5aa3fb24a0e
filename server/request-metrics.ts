import type { IncomingMessage, ServerResponse } from "node:http";
import { REQUEST_ID_HEADER } from "../src/server/http/request-id";
import { logger } from "../src/server/observability/logger";
import { metrics } from "../src/server/observability/metrics";
import { routeLabel } from "../src/server/observability/route-label";

/**
 * When a request's answer ends: one log line (request id, method, route, status,
 * duration; never the query string, which may carry input) and its metrics by
 * route, method and status. Live streams are counted but not timed.
 */
export function measureRequest(req: IncomingMessage, res: ServerResponse, { stream }: { stream: boolean }): void {
  const started = process.hrtime.bigint();
  res.once("close", () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const { httpRequests, httpDuration } = metrics();
    const route = routeLabel(req.url ?? "/");
    const labels = { route, method: req.method ?? "GET", status: String(res.statusCode) };
    httpRequests.inc(labels);
    if (!stream) httpDuration.observe(labels, seconds);
    logger.info(
      {
        requestId: req.headers[REQUEST_ID_HEADER],
        method: labels.method,
        route,
        status: res.statusCode,
        ms: Math.round(seconds * 10_000) / 10,
        ...(stream ? { stream: true } : {}),
      },
      "request",
    );
  });
}
