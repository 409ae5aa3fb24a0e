import path from "node:path";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { installJobQueue } from "./job-queue";
import { postgresExecutor } from "./raw-sql";
import type * as schema from "./schema";
import type { ExecuteSql } from "./types";

export const migrationsFolder = path.resolve(process.cwd(), "drizzle");

// Any constant works; it only has to be the same for every instance of this app.
const MIGRATION_LOCK_ID = 727_001;

/** The app's tables, then the job queue's (pg-boss keeps its own schema, `pgboss`). */
export async function migratePglite(db: PgliteDatabase<typeof schema>, executeSql: ExecuteSql): Promise<void> {
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  await migrate(db, { migrationsFolder });
  await installJobQueue(executeSql);
}

/**
 * Holds an advisory lock on a dedicated connection, so several instances
 * starting at once apply each migration exactly once.
 */
export async function migratePostgres(url: string): Promise<void> {
  const [{ default: postgres }, { drizzle }, { migrate }] = await Promise.all([
    import("postgres"),
    import("drizzle-orm/postgres-js"),
    import("drizzle-orm/postgres-js/migrator"),
  ]);
  const client = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migrate(drizzle({ client }), { migrationsFolder });
    await installJobQueue(postgresExecutor(client));
  } finally {
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`.catch(() => undefined);
    await client.end({ timeout: 5 });
  }
}
