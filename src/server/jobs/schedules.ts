import type { QueueName } from "./queue-names";

/** Queues the clock fills (cron, UTC); pg-boss makes sure one instance sends each tick's job. */
export const jobSchedules: Partial<Record<QueueName, string>> = {
  "events.prune": "*/10 * * * *",
  "auth.prune-expired": "23 * * * *",
};
