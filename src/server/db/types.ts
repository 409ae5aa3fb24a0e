import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type * as schema from "./schema";

type Schema = typeof schema;

/** The drizzle handle the rest of the server sees, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: domain helpers accept both. */
export type DbOrTx = Db | Tx;

export type DriverName = "pglite" | "postgres";

/** Stops a LISTEN started with `DatabaseConnection.listen`. */
export type Unlisten = () => Promise<void>;

/** Runs one SQL text with positional parameters ($1, $2…); several statements when there are none. */
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export interface DatabaseConnection {
  db: Db;
  driver: DriverName;
  /** Raw SQL on the same pool or embedded database, for libraries that bring their own SQL (the job queue). */
  executeSql: ExecuteSql;
  /**
   * LISTEN on `channel` over a connection of its own (PostgreSQL) or in-process
   * (PGlite). `onListening` runs each time the listen is (re)established, so a
   * caller can catch up on what it missed while the connection was down.
   */
  listen: (channel: string, onNotify: (payload: string) => void, onListening: () => void) => Promise<Unlisten>;
  /** This process's connections to the database by state (`active`: running a statement). */
  connectionStates: () => Promise<Record<string, number>>;
  /** Applies the committed SQL migrations in drizzle/. */
  migrate: () => Promise<void>;
  close: () => Promise<void>;
}
