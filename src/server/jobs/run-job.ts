import type PgBoss from "pg-boss";
import type { DatabaseConnection } from "../db/types";
import { logger } from "../observability/logger";
import { metrics } from "../observability/metrics";
import type { JobHandlers } from "./handlers";
import { jobDataSchemas } from "../queue/job-data";
import type { QueueName } from "../db/job-queue";

/**
 * Runs one job through its queue's handler, measured and logged; throws what
 * the handler threw, so the caller (a worker, or a drain) fails the attempt.
 */
export async function runJob<Q extends QueueName>(
  connection: DatabaseConnection,
  queue: Q,
  job: PgBoss.JobWithMetadata<unknown>,
  handlers: JobHandlers,
): Promise<void> {
  const { jobDuration, jobFailures } = metrics();
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    const data = jobDataSchemas[queue].parse(job.data) as Parameters<JobHandlers[Q]>[1];
    const outcome = await handlers[queue](connection.db, data);
    jobDuration.observe({ queue, outcome: "completed" }, seconds());
    const attempt = job.retryCount + 1;
    logger.info({ job: job.id, queue, attempt, outcome, ms: Math.round(seconds() * 1000) }, "job done");
  } catch (error) {
    const final = job.retryCount >= job.retryLimit;
    jobDuration.observe({ queue, outcome: final ? "failed" : "retry" }, seconds());
    jobFailures.inc({ queue, final: String(final) });
    const fields = { err: error, job: job.id, queue, attempt: job.retryCount + 1, of: job.retryLimit + 1 };
    if (final) logger.error(fields, "job failed for good: it is listed in the admin area's failed jobs");
    else logger.warn(fields, "job failed; it will be retried");
    throw error;
  }
}
