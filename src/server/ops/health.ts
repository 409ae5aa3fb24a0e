import { sql } from "drizzle-orm";
import { getDb } from "../db/client";
import { logger } from "../observability/logger";

/** True when the database answers a trivial query. */
export async function databaseIsHealthy(): Promise<boolean> {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return true;
  } catch (error) {
    logger.error({ err: error }, "health check failed");
    return false;
  }
}
