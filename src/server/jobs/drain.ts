import type { DatabaseConnection } from "../db/types";
import { enqueueJob } from "../queue/enqueue";
import { jobHandlers, type JobHandlers } from "./handlers";
import { jobUpkeepOptions } from "../queue/job-settings";
import { jobQueueClient, queueNames, type QueueName } from "../db/job-queue";
import { runJob } from "./run-job";
import { jobSchedules } from "./schedules";

export interface DrainResult {
  completed: number;
  failed: number;
  /** True when the time ran out with jobs still waiting. */
  more: boolean;
}

/** Queues each scheduled job once per slot: the slot's start is its key, so calls within one slot add nothing. */
async function enqueueDueSchedules(connection: DatabaseConnection, now: Date): Promise<void> {
  for (const [queue, { slotMinutes }] of Object.entries(jobSchedules) as [QueueName, { slotMinutes: number }][]) {
    const slot = Math.floor(now.getTime() / (slotMinutes * 60_000));
    await enqueueJob(connection.db, queue, {}, { key: `schedule:${slot}` });
  }
}

/**
 * Works through waiting jobs for at most `budgetMs`, for hosts where no
 * process lives between requests (a scheduled call to /api/jobs/run): the
 * queue's upkeep first (jobs of crashed workers go back), then the scheduled
 * jobs that are due, then one job at a time from every queue in turn.
 */
export async function drainJobs(
  connection: DatabaseConnection,
  { budgetMs, handlers = jobHandlers, now = new Date() }: { budgetMs: number; handlers?: JobHandlers; now?: Date },
): Promise<DrainResult> {
  const deadline = Date.now() + budgetMs;
  const boss = jobQueueClient({ executeSql: connection.executeSql }, jobUpkeepOptions);
  await boss.maintain();
  await enqueueDueSchedules(connection, now);
  const result: DrainResult = { completed: 0, failed: 0, more: false };
  for (;;) {
    let ranAny = false;
    for (const queue of queueNames) {
      if (Date.now() >= deadline) return { ...result, more: true };
      const [job] = await boss.fetch(queue, { batchSize: 1, includeMetadata: true });
      if (!job) continue;
      ranAny = true;
      try {
        await runJob(connection, queue, job, handlers);
        await boss.complete(queue, job.id);
        result.completed += 1;
      } catch (error) {
        await boss.fail(queue, job.id, { message: error instanceof Error ? error.message : String(error) });
        result.failed += 1;
      }
    }
    if (!ranAny) return result;
  }
}
