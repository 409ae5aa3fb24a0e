import { env, isBuildPhase, shouldSeedDemoData } from "@/env";
import { logger } from "../observability/logger";
import { metrics } from "../observability/metrics";
import { onShutdown } from "../runtime/lifecycle";
import { connect, type DatabaseTarget } from "./connect";
import { isCatalogEmpty, seedDemoData } from "./seed";
import type { DatabaseConnection, Db } from "./types";

export function configuredTarget(): DatabaseTarget {
  return env.DATABASE_URL
    ? {
        kind: "postgres",
        url: env.DATABASE_URL,
        max: env.DATABASE_POOL_MAX,
        timeouts: {
          statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
          connectTimeoutSeconds: env.DATABASE_CONNECT_TIMEOUT_SECONDS,
          idleTimeoutSeconds: env.DATABASE_IDLE_TIMEOUT_SECONDS,
        },
      }
    : { kind: "pglite", dir: env.PGLITE_DIR };
}

async function open(): Promise<DatabaseConnection> {
  if (isBuildPhase) throw new Error("The database is not opened during `next build`.");
  const target = configuredTarget();
  const connection = await connect(target);
  await connection.migrate();
  if (shouldSeedDemoData && (await isCatalogEmpty(connection.db))) {
    const seeded = await seedDemoData(connection.db);
    logger.info(seeded, "seeded demo data into an empty database");
  }
  onShutdown("database", "close", () => connection.close());
  metrics().sources.databaseConnections = () => connection.connectionStates();
  logger.info({ driver: connection.driver }, "database ready");
  return connection;
}

// Next evaluates this module once per bundle (and again on every dev reload);
// globalThis keeps one connection per process, which PGlite's lock-free files require.
const store = globalThis as typeof globalThis & { __storefrontConnection?: Promise<DatabaseConnection> };

/** The process-wide connection, opened, migrated and (outside production) seeded on first use. */
export function getConnection(): Promise<DatabaseConnection> {
  store.__storefrontConnection ??= open().catch((error: unknown) => {
    store.__storefrontConnection = undefined;
    throw error;
  });
  return store.__storefrontConnection;
}

export async function getDb(): Promise<Db> {
  return (await getConnection()).db;
}
