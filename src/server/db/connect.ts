import { mkdirSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { connectionStates } from "./connection-states";
import { listenPostgres } from "./listen-postgres";
import { migratePglite, migratePostgres } from "./migrate";
import * as schema from "./schema";
import type { DatabaseConnection } from "./types";
import { reconnectDelaySeconds } from "./reconnect-delay";
import { pgliteExecutor, postgresExecutor } from "./raw-sql";

/** Bounds that keep a slow or absent PostgreSQL from holding requests (and pool connections) for long. */
export interface PostgresTimeouts {
  statementTimeoutMs: number;
  connectTimeoutSeconds: number;
  /** Closes a pool connection unused this long (0: never). */
  idleTimeoutSeconds?: number;
}

export type DatabaseTarget =
  { kind: "pglite"; dir: string } | { kind: "postgres"; url: string; max?: number; timeouts?: PostgresTimeouts };

async function connectPglite(dir: string): Promise<DatabaseConnection> {
  const [{ PGlite }, { pg_trgm }, { drizzle }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
    import("drizzle-orm/pglite"),
  ]);
  const inMemory = dir.startsWith("memory://");
  if (!inMemory) mkdirSync(path.resolve(dir), { recursive: true });
  const client = await PGlite.create(inMemory ? dir : path.resolve(dir), { extensions: { pg_trgm } });
  const db = drizzle({ client, schema });
  return {
    db,
    driver: "pglite",
    executeSql: pgliteExecutor(client),
    // One in-process connection, never shared with another process.
    connectionStates: () => Promise.resolve({ embedded: 1 }),
    migrate: () => migratePglite(db, pgliteExecutor(client)),
    async listen(channel, onNotify, onListening) {
      const unlisten = await client.listen(channel, onNotify);
      // In-process: the listen can never drop, so it is established exactly once.
      onListening();
      return () => unlisten();
    },
    close: () => client.close(),
  };
}

async function connectPostgres(url: string, max: number, timeouts?: PostgresTimeouts): Promise<DatabaseConnection> {
  const [{ default: postgres }, { drizzle }] = await Promise.all([
    import("postgres"),
    import("drizzle-orm/postgres-js"),
  ]);
  // Names this process's connections, so the server can tell which of its sessions are ours.
  const applicationName = `storefront ${hostname()} ${process.pid}`.slice(0, 63);
  const client = postgres(url, {
    max,
    onnotice: () => undefined,
    backoff: reconnectDelaySeconds,
    ...(timeouts ? { connect_timeout: timeouts.connectTimeoutSeconds } : {}),
    ...(timeouts?.idleTimeoutSeconds ? { idle_timeout: timeouts.idleTimeoutSeconds } : {}),
    connection: {
      application_name: applicationName,
      // The server ends a stuck statement (a lock never released, a runaway plan) and rolls its transaction back,
      // and a session left idle inside a transaction, so neither holds a pool connection or row locks for good.
      ...(timeouts
        ? {
            statement_timeout: timeouts.statementTimeoutMs,
            idle_in_transaction_session_timeout: timeouts.statementTimeoutMs * 2,
          }
        : {}),
    },
  });
  const db = drizzle({ client, schema });
  return {
    db,
    driver: "postgres",
    executeSql: postgresExecutor(client),
    connectionStates: () => connectionStates(db, applicationName),
    migrate: () => migratePostgres(url),
    listen: (channel, onNotify, onListening) => listenPostgres(url, channel, onNotify, onListening),
    close: () => client.end({ timeout: 5 }),
  };
}

/** Opens a new connection; the app shares one through `getDb()`, tests open their own. */
export function connect(target: DatabaseTarget): Promise<DatabaseConnection> {
  return target.kind === "pglite"
    ? connectPglite(target.dir)
    : connectPostgres(target.url, target.max ?? 10, target.timeouts);
}
