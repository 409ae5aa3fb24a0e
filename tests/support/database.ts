import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { connect } from "@/server/db/connect";
import type { DatabaseConnection } from "@/server/db/types";
import { testEnv } from "./test-env";

export interface TestDatabase extends DatabaseConnection {
  /** Closes the connection and, on PostgreSQL, drops the database. */
  dispose: () => Promise<void>;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new
 * database on the TEST_DATABASE_URL server when the postgres project runs.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = testEnv.TEST_DATABASE_URL;
  if (testEnv.TEST_DB_KIND !== "postgres" || !serverUrl) {
    const connection = await connect({ kind: "pglite", dir: "memory://" });
    await connection.migrate();
    return { ...connection, dispose: connection.close };
  }
  const name = `storefront_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const connection = await connect({ kind: "postgres", url: url.toString(), max: 20 });
  await connection.migrate();
  return {
    ...connection,
    dispose: async () => {
      await connection.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
