import { setTimeout as sleep } from "node:timers/promises";
import type PgBoss from "pg-boss";
import { env } from "@/env";
import { jobQueueClient, queueNames, type QueueName } from "../db/job-queue";
import type { DatabaseConnection } from "../db/types";
import { logger } from "../observability/logger";
import { jobUpkeepOptions } from "../queue/job-settings";
import { jobHandlers, type JobHandlers } from "./handlers";
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

const HANDED_BACK = { message: "the worker stopped while the job was running; it runs again" };

class JobTimedOut extends Error {
  constructor(seconds: number) {
    super(`the job ran longer than its ${seconds} s`);
  }
}

/** The handler's outcome, or JobTimedOut once the job has run as long as it may (it counts as a failed attempt). */
function withinJobTimeout(work: Promise<void>, seconds: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new JobTimedOut(seconds)), seconds * 1000);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Starts this process's worker: a loop per queue that takes one job at a time
 * (FOR UPDATE SKIP LOCKED: of several instances, one runs each job), runs it
 * and records the outcome, awaited, so a failure to record is logged, never
 * lost; plus pg-boss's upkeep, which hands back the jobs of a crashed worker
 * (still `active` past their timeout), and the schedules.
 */
export async function startJobWorker(connection: DatabaseConnection, options: WorkerOptions = {}): Promise<JobWorker> {
  const boss = jobQueueClient(
    { executeSql: connection.executeSql },
    {
      migrate: false,
      supervise: true,
      schedule: options.schedules ?? true,
      maintenanceIntervalSeconds: options.maintenanceSeconds ?? env.JOB_MAINTENANCE_SECONDS,
      ...jobUpkeepOptions,
    },
  );
  boss.on("error", (error: unknown) => logger.warn({ err: error }, "job queue upkeep failed; it will try again"));
  await boss.start();

  const handlers = options.handlers ?? jobHandlers;
  const pollMs = (options.pollSeconds ?? env.JOB_POLL_SECONDS) * 1000;
  const running = new Map<string, QueueName>();
  const stopping = new AbortController();
  // Resolves after `ms`, or at once when the worker stops (its listener goes with it: no build-up).
  const pause = (ms: number) => sleep(ms, undefined, { signal: stopping.signal }).catch(() => undefined);

  async function runOne(queue: QueueName, job: PgBoss.JobWithMetadata<unknown>): Promise<void> {
    running.set(job.id, queue);
    try {
      await withinJobTimeout(runJob(connection, queue, job, handlers), job.expireInSeconds);
      await boss.complete(queue, job.id);
    } catch (error) {
      if (error instanceof JobTimedOut)
        logger.warn({ job: job.id, queue, err: error }, "job timed out; it will be retried");
      const message = error instanceof Error ? error.message : String(error);
      await boss.fail(queue, job.id, { message }).catch((failed: unknown) => {
        logger.warn(
          { err: failed, job: job.id, queue },
          "could not record a failed attempt; the job's timeout hands it back",
        );
      });
    } finally {
      running.delete(job.id);
    }
  }

  async function loop(queue: QueueName): Promise<void> {
    while (!stopping.signal.aborted) {
      let job: PgBoss.JobWithMetadata<unknown> | undefined;
      try {
        [job] = await boss.fetch(queue, { batchSize: 1, includeMetadata: true });
      } catch (error) {
        logger.warn({ err: error, queue }, "could not fetch jobs; trying again");
      }
      if (job && !stopping.signal.aborted) await runOne(queue, job);
      else if (job) await boss.fail(queue, job.id, HANDED_BACK).catch(() => undefined);
      else await pause(pollMs);
    }
  }

  const loops = queueNames.map((queue) => loop(queue));
  try {
    if (options.schedules ?? true) {
      for (const [queue, { cron }] of Object.entries(jobSchedules)) await boss.schedule(queue, cron, {}, { tz: "UTC" });
    }
  } catch (error) {
    // Half started, it would poll on with nothing to stop it; the caller tries again from scratch.
    stopping.abort();
    await boss.stop({ graceful: false, close: false, wait: true }).catch(() => undefined);
    throw error;
  }

  return {
    async stop(timeoutMs) {
      stopping.abort();
      await Promise.race([Promise.all(loops), new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
      // Still running at the deadline: back to the queue, to run again here after a restart or elsewhere now.
      for (const [id, queue] of running) await boss.fail(queue, id, HANDED_BACK).catch(() => undefined);
      await boss.stop({ graceful: false, close: false, wait: true }).catch(() => undefined);
    },
  };
}
