import PgBoss from "pg-boss";
import { env } from "@/env";
import type { DatabaseConnection } from "../db/types";
import { logger } from "../observability/logger";
import { jobHandlers, type JobHandlers } from "./handlers";
import { JOB_SCHEMA } from "../db/job-queue";
import { jobUpkeepOptions } from "../queue/job-settings";
import { queueNames } from "../db/job-queue";
import { runJob } from "./run-job";
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
    ...jobUpkeepOptions,
  });
  boss.on("error", (error: unknown) => logger.warn({ err: error }, "job queue upkeep failed; it will try again"));
  await boss.start();
  try {
    const handlers = options.handlers ?? jobHandlers;
    const pollingIntervalSeconds = options.pollSeconds ?? env.JOB_POLL_SECONDS;
    for (const queue of queueNames) {
      await boss.work(queue, { pollingIntervalSeconds, batchSize: 1, includeMetadata: true }, async ([job]) => {
        if (job) await runJob(connection, queue, job, handlers);
      });
    }
    if (options.schedules ?? true) {
      for (const [queue, { cron }] of Object.entries(jobSchedules)) await boss.schedule(queue, cron, {}, { tz: "UTC" });
    }
  } catch (error) {
    // Half started, it would poll on with nothing to stop it; the caller tries again from scratch.
    await boss.stop({ graceful: false, close: false, wait: true }).catch(() => undefined);
    throw error;
  }
  return {
    stop: (timeoutMs) => boss.stop({ graceful: true, close: false, wait: true, timeout: Math.max(timeoutMs, 1_000) }),
  };
}
