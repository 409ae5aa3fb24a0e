import { sql } from "drizzle-orm";
import { selectRows } from "../../db/rows";
import type { DbOrTx } from "../../db/types";

export interface JobCount extends Record<string, unknown> {
  queue: string;
  state: string;
  count: number;
}

/** Jobs by queue and state, across every instance (pg-boss's internal queues left out). */
export function jobCounts(db: DbOrTx): Promise<JobCount[]> {
  return selectRows<JobCount>(
    db,
    sql`select name as queue, state::text as state, count(*)::int as count
        from pgboss.job where name not like '\_\_pgboss%' group by 1, 2`,
  );
}
