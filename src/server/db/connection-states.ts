import { count, eq } from "drizzle-orm";
import { pgView, text } from "drizzle-orm/pg-core";
import type { Db } from "./types";

/** PostgreSQL's own view of its sessions; only the columns read here. */
const pgStatActivity = pgView("pg_stat_activity", {
  applicationName: text("application_name"),
  state: text("state"),
}).existing();

/** How many of the connections named `applicationName` are in each state, as PostgreSQL sees them. */
export async function connectionStates(db: Db, applicationName: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ state: pgStatActivity.state, connections: count() })
    .from(pgStatActivity)
    .where(eq(pgStatActivity.applicationName, applicationName))
    .groupBy(pgStatActivity.state);
  // The connection asking is one of the active ones: it runs this query.
  return Object.fromEntries(rows.map((row) => [row.state ?? "unknown", row.connections]));
}
