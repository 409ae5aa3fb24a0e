import { mkdirSync } from "node:fs";
import path from "node:path";
import { listenPostgres } from "./listen-postgres";
import { migratePglite, migratePostgres } from "./migrate";
import * as schema from "./schema";
import type { DatabaseConnection } from "./types";

export type DatabaseTarget = { kind: "pglite"; dir: string } | { kind: "postgres"; url: string; max?: number };

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
    migrate: () => migratePglite(db),
    async listen(channel, onNotify, onListening) {
      const unlisten = await client.listen(channel, onNotify);
      // In-process: the listen can never drop, so it is established exactly once.
      onListening();
      return () => unlisten();
    },
    close: () => client.close(),
  };
}

async function connectPostgres(url: string, max: number): Promise<DatabaseConnection> {
  const [{ default: postgres }, { drizzle }] = await Promise.all([
    import("postgres"),
    import("drizzle-orm/postgres-js"),
  ]);
  const client = postgres(url, { max, onnotice: () => undefined });
  return {
    db: drizzle({ client, schema }),
    driver: "postgres",
    migrate: () => migratePostgres(url),
    listen: (channel, onNotify, onListening) => listenPostgres(url, channel, onNotify, onListening),
    close: () => client.end({ timeout: 5 }),
  };
}

/** Opens a new connection; the app shares one through `getDb()`, tests open their own. */
export function connect(target: DatabaseTarget): Promise<DatabaseConnection> {
  return target.kind === "pglite" ? connectPglite(target.dir) : connectPostgres(target.url, target.max ?? 10);
}
