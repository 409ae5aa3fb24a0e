import PgBoss from "pg-boss";
import { env } from "@/env";
import type { DatabaseConnection } from "../db/types";
import { logger } from "../observability/logger";
import { metrics } from "../observability/metrics";
import { jobHandlers, type JobHandlers } from "./handlers";
import { JOB_SCHEMA } from "./install";
import { jobDataSchemas } from "./job-data";
import { queueNames, type QueueName } from "./queue-names";
import { jobSchedules } from "./schedules";

export interface JobWorker {
  /** Stops taking jobs now; resolves once running ones finish, or after `timeoutMs` hands them back to the queue. */
  stop: (timeoutMs: number) => Promise<void>;
}

export interface WorkerOptions {
  handlers?: JobHandlers;
  pollSeconds?: number;
  maintenanceSeconds?: number;
  /** Whether this worker also fills the scheduled queues (tests that count jobs turn it off). */
  schedules?: boolean;
}

function runner<Q extends QueueName>(connection: DatabaseConnection, queue: Q, handlers: JobHandlers) {
  const { jobDuration, jobFailures } = metrics();
  return async ([job]: PgBoss.JobWithMetadata[]): Promise<void> => {
    if (!job) return;
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const data = jobDataSchemas[queue].parse(job.data) as Parameters<JobHandlers[Q]>[1];
      const outcome = await handlers[queue](connection.db, data);
      jobDuration.observe({ queue, outcome: "completed" }, seconds());
      logger.info(
        { job: job.id, queue, attempt: job.retryCount + 1, outcome, ms: Math.round(seconds() * 1000) },
        "job done",
      );
    } catch (error) {
      const final = job.retryCount >= job.retryLimit;
      jobDuration.observe({ queue, outcome: final ? "failed" : "retry" }, seconds());
      jobFailures.inc({ queue, final: String(final) });
      const fields = { err: error, job: job.id, queue, attempt: job.retryCount + 1, of: job.retryLimit + 1 };
      if (final) logger.error(fields, "job failed for good: it is listed in the admin area's failed jobs");
      else logger.warn(fields, "job failed; it will be retried");
      throw error;
    }
  };
}

/**
 * Starts this process's worker: every queue's handler, the schedules, and the
 * upkeep that hands the jobs of a crashed worker (still `active` past their
 * timeout) back to the queue. Several instances may run one each: a job is
 * taken with FOR UPDATE SKIP LOCKED, so it runs in one of them at a time.
 */
export async function startJobWorker(connection: DatabaseConnection, options: WorkerOptions = {}): Promise<JobWorker> {
  const boss = new PgBoss({
    db: { executeSql: connection.executeSql },
    schema: JOB_SCHEMA,
    migrate: false,
    supervise: true,
    schedule: options.schedules ?? true,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? env.JOB_MAINTENANCE_SECONDS,
  });
  boss.on("error", (error: unknown) => logger.warn({ err: error }, "job queue upkeep failed; it will try again"));
  await boss.start();
  const handlers = options.handlers ?? jobHandlers;
  const pollingIntervalSeconds = options.pollSeconds ?? env.JOB_POLL_SECONDS;
  for (const queue of queueNames) {
    await boss.work(
      queue,
      { pollingIntervalSeconds, batchSize: 1, includeMetadata: true },
      runner(connection, queue, handlers),
    );
  }
  if (options.schedules ?? true) {
    for (const [queue, cron] of Object.entries(jobSchedules)) await boss.schedule(queue, cron, {}, { tz: "UTC" });
  }
  return {
    stop: (timeoutMs) => boss.stop({ graceful: true, close: false, wait: true, timeout: Math.max(timeoutMs, 1_000) }),
  };
}
