import type { QueueName } from "../db/job-queue";

export interface JobSchedule {
  /** When a worker's clock sends the job (cron, UTC); pg-boss sends each tick's job once across instances. */
  cron: string;
  /** The same cadence for a drain (./drain.ts), which runs when called: one job per slot of this length. */
  slotMinutes: number;
}

/** Queues the clock fills. */
export const jobSchedules: Partial<Record<QueueName, JobSchedule>> = {
  "events.prune": { cron: "*/10 * * * *", slotMinutes: 10 },
  "auth.prune-expired": { cron: "23 * * * *", slotMinutes: 60 },
  // Behind each order's own checks: anything still awaiting payment past its time.
  "payments.sweep": { cron: "*/5 * * * *", slotMinutes: 5 },
};
