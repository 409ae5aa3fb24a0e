import { env } from "@/env";
import { bearerToken } from "../auth/identity";
import { getConnection } from "../db/client";
import type { DatabaseConnection } from "../db/types";
import { drainJobs } from "../jobs/drain";
import { logger } from "../observability/logger";
import { sameSecret } from "../security/same-secret";

/** What one call may spend running jobs: below the route's maxDuration (60 s), which every Vercel plan allows. */
export const JOB_RUN_BUDGET_MS = 45_000;

function errorAnswer(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ code, message }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/**
 * GET or POST /api/jobs/run: a scheduler holding CRON_SECRET (Vercel Cron sends
 * it as a bearer token) has waiting jobs run now, for up to JOB_RUN_BUDGET_MS.
 * With no secret configured the endpoint does not exist (404).
 */
export async function answerJobRun(
  headers: Headers,
  {
    secret = env.CRON_SECRET,
    budgetMs = JOB_RUN_BUDGET_MS,
    connection = getConnection,
  }: { secret?: string; budgetMs?: number; connection?: () => Promise<DatabaseConnection> } = {},
): Promise<Response> {
  if (!secret) return errorAnswer(404, "NOT_FOUND", "There is nothing at this address.");
  const offered = bearerToken(headers);
  if (!offered || !sameSecret(offered, secret)) {
    return errorAnswer(401, "UNAUTHORIZED", "Send the cron secret as `Authorization: Bearer <CRON_SECRET>`.", {
      "WWW-Authenticate": 'Bearer realm="jobs"',
    });
  }
  try {
    const result = await drainJobs(await connection(), { budgetMs });
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    logger.warn({ err: error }, "could not run jobs now; the next scheduled call tries again");
    return errorAnswer(503, "SERVICE_UNAVAILABLE", "Jobs cannot run right now; try again shortly.", {
      "Retry-After": "30",
    });
  }
}
