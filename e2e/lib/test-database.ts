import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { postgresServerUrl } from "./server-env";

export interface E2EDatabase {
  url: string;
  /** Runs one SQL statement against the database (for setting up or checking rows). */
  sql: postgres.Sql;
  drop: () => Promise<void>;
}

/** A fresh, empty database on the test PostgreSQL server; the app migrates and seeds it on first use. */
export async function createE2EDatabase(): Promise<E2EDatabase> {
  if (!postgresServerUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `storefront_e2e_${randomBytes(5).toString("hex")}`;
  const admin = postgres(postgresServerUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(postgresServerUrl);
  url.pathname = `/${name}`;
  const sql = postgres(url.toString(), { max: 2, onnotice: () => undefined });
  return {
    url: url.toString(),
    sql,
    drop: async () => {
      await sql.end({ timeout: 5 });
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
