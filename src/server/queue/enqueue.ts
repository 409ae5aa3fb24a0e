import { createHash } from "node:crypto";
import type { DbOrTx } from "../db/types";
import { jobQueueClient, type QueueName } from "../db/job-queue";
import { executorOn } from "./in-transaction";
import { jobRetryOptions } from "./job-settings";
import type { JobData } from "./job-data";

// Only builds and sends SQL through the `db` given to each send; it never opens or polls anything itself.
const sender = jobQueueClient({
  executeSql: () => Promise.reject(new Error("jobs are sent through a transaction")),
});

/** A job id made from a key: the same key can never be queued twice. */
export function jobIdFor(queue: QueueName, key: string): string {
  const hex = createHash("sha256").update(`${queue}\n${key}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface EnqueueOptions {
  /** Makes the job idempotent: a second job with the same key is not queued (null is returned). */
  key?: string;
  startAfter?: Date;
}

/**
 * Queues a job in the caller's transaction: it exists only if that transaction
 * commits, so an order and its confirmation mail are written together or not at all.
 */
export async function enqueueJob<Q extends QueueName>(
  db: DbOrTx,
  queue: Q,
  data: JobData<Q>,
  options: EnqueueOptions = {},
): Promise<string | null> {
  return sender.send(queue, data, {
    ...jobRetryOptions(),
    ...(options.key ? { id: jobIdFor(queue, options.key) } : {}),
    ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    db: executorOn(db),
  });
}
