import { sql, type SQL } from "drizzle-orm";
import { plainParameters } from "../db/raw-sql";
import { selectRows } from "../db/rows";
import type { DbOrTx } from "../db/types";

type Row = Record<string, unknown>;

/** pg-boss's positional SQL ($1, $2…) as a drizzle query, so it runs inside the caller's transaction. */
function positionalToDrizzle(text: string, values: readonly unknown[]): SQL {
  const parameters = plainParameters(values);
  const chunks: SQL[] = [];
  let from = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(text.slice(from, match.index)));
    // sql.param keeps an array one parameter (uuid[]) instead of a list of them.
    chunks.push(sql`${sql.param(parameters[Number(match[1]) - 1])}`);
    from = match.index + match[0].length;
  }
  chunks.push(sql.raw(text.slice(from)));
  return sql.join(chunks);
}

/** A pg-boss `db` that runs on a drizzle handle: a job sent through it commits or rolls back with the transaction. */
export function executorOn(tx: DbOrTx): { executeSql: (text: string, values?: unknown[]) => Promise<{ rows: Row[] }> } {
  return {
    async executeSql(text, values = []) {
      return { rows: await selectRows<Row>(tx, positionalToDrizzle(text, values)) };
    },
  };
}
