import { sql } from "drizzle-orm";
import type { JobsPage, jobsListInput } from "@/lib/contracts/jobs";
import type { z } from "zod";
import { selectRows } from "../../db/rows";
import type { DbOrTx } from "../../db/types";
import { jobCounts } from "./job-counts";

interface JobRow extends Record<string, unknown> {
  id: string;
  queue: string;
  state: string;
  retry_count: number;
  retry_limit: number;
  error: string | null;
  created_on: Date | string;
  completed_on: Date | string | null;
  started_on: Date | string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();
const MAX_ERROR_LENGTH = 500;

/** The newest jobs in one state, with the last error's message only, and the counts of every queue and state. */
export async function listJobs(db: DbOrTx, input: z.output<typeof jobsListInput>): Promise<JobsPage> {
  const rows = await selectRows<JobRow>(
    db,
    sql`select id, name as queue, state::text as state, retry_count, retry_limit,
               coalesce(output->>'message', output#>>'{value,message}') as error,
               created_on, started_on, completed_on
        from pgboss.job
        where state = ${input.state}::pgboss.job_state and name not like '\_\_pgboss%'
        order by coalesce(completed_on, started_on, created_on) desc, id
        limit ${input.limit}`,
  );
  // A failed job has used every attempt; any other has used its retries so far plus the running one.
  return {
    items: rows.map((row) => ({
      id: row.id,
      queue: row.queue,
      state: row.state,
      attempts: row.state === "failed" ? row.retry_count + 1 : row.retry_count,
      maxAttempts: row.retry_limit + 1,
      lastError: row.error ? row.error.slice(0, MAX_ERROR_LENGTH) : null,
      createdAt: iso(row.created_on),
      updatedAt: row.completed_on ? iso(row.completed_on) : row.started_on ? iso(row.started_on) : null,
    })),
    counts: await jobCounts(db),
  };
}
