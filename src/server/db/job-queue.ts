import PgBoss from "pg-boss";
import type { ExecuteSql } from "./types";

/** pg-boss keeps its tables in a schema of its own in the app's database. */
export const JOB_SCHEMA = "pgboss";

/**
 * Every job queue. Each has one handler (src/server/jobs/handlers); scheduled
 * ones are also filled by the clock (src/server/jobs/schedules.ts).
 */
export const queueNames = [
  "mail.send",
  "mail.order-event",
  "events.prune",
  "auth.prune-expired",
  "payments.check-order",
  "payments.refund",
  "payments.sweep",
  "test-provider.deliver",
  "test-provider.settle",
] as const;

export type QueueName = (typeof queueNames)[number];

/**
 * A pg-boss client on `db` with this app's schema. Passive unless told
 * otherwise: no upkeep and no clock, for clients that only send, fetch or retry.
 */
export function jobQueueClient(db: PgBoss.Db, options: Partial<PgBoss.ConstructorOptions> = {}): PgBoss {
  return new PgBoss({ db, schema: JOB_SCHEMA, supervise: false, schedule: false, ...options });
}

/**
 * Creates (or upgrades) pg-boss's tables and this app's queues. Runs with the
 * app's migrations, under their lock on PostgreSQL, so every database the app
 * or a test opens can take jobs before any worker starts.
 */
export async function installJobQueue(executeSql: ExecuteSql): Promise<void> {
  const boss = jobQueueClient({ executeSql });
  await boss.start();
  const existing = new Set((await boss.getQueues()).map((queue) => queue.name));
  for (const name of queueNames) if (!existing.has(name)) await boss.createQueue(name);
  await boss.stop({ graceful: false, close: false, wait: true });
}
