import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "./types";

/**
 * Rows of a raw SQL statement, whichever driver runs it: postgres.js answers
 * with an array, PGlite with `{ rows }`. For the few statements the query
 * builder cannot express.
 */
export async function selectRows<T extends Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: unknown[] }).rows ?? []) as T[];
}
