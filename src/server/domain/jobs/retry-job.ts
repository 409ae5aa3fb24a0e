import { sql } from "drizzle-orm";
import { selectRows } from "../../db/rows";
import type { Db } from "../../db/types";
import { jobQueueClient } from "../../db/job-queue";
import { executorOn } from "../../queue/in-transaction";
import { recordAudit, type AuditContext } from "../audit/record-audit";
import { DomainError } from "../errors";

/**
 * Puts a failed job back in its queue with one more attempt, audited. Only a
 * failed job can be retried: CONFLICT for one that is waiting or running,
 * NOT_FOUND for an id the queue does not hold (any more).
 */
export async function retryFailedJob(db: Db, audit: AuditContext, id: string): Promise<{ id: string; queue: string }> {
  return db.transaction(async (tx) => {
    const [job] = await selectRows<{ queue: string; state: string }>(
      tx,
      sql`select name as queue, state::text as state from pgboss.job where id = ${id} for update`,
    );
    if (!job) throw new DomainError("NOT_FOUND", "No job with that id (finished jobs are archived after a while).");
    if (job.state !== "failed")
      throw new DomainError("CONFLICT", `That job is ${job.state}, not failed: it needs no retry.`);
    const boss = jobQueueClient(executorOn(tx));
    await boss.retry(job.queue, id);
    await recordAudit(tx, audit, { action: "job.retried", target: { type: "job", id }, summary: { queue: job.queue } });
    return { id, queue: job.queue };
  });
}
