import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { connect } from "@/server/db/connect";
import type { DatabaseConnection, Db } from "@/server/db/types";
import { createEventBus, type EventBus } from "@/server/events/bus";
import { testEnv } from "./test-env";

export interface TestDatabase extends DatabaseConnection {
  /** The database's address on PostgreSQL (absent on PGlite), for tests that open connections of their own. */
  url?: string;
  /** This database's event bus, started on first use (like the app's). */
  getEventBus: () => Promise<EventBus>;
  /** Closes the bus and the connection and, on PostgreSQL, drops the database. */
  dispose: () => Promise<void>;
}

const busByDb = new WeakMap<Db, () => Promise<EventBus>>();

/** The event bus of a test database, for contexts built from its `db` alone. */
export function eventBusFor(db: Db): () => Promise<EventBus> {
  return busByDb.get(db) ?? (() => Promise.reject(new Error("this db was not made by createTestDatabase")));
}

function withEventBus(connection: DatabaseConnection & { url?: string }, dispose: () => Promise<void>): TestDatabase {
  let bus: EventBus | undefined;
  const getEventBus = async () => {
    bus ??= createEventBus(connection);
    await bus.ready;
    return bus;
  };
  busByDb.set(connection.db, getEventBus);
  return {
    ...connection,
    getEventBus,
    dispose: async () => {
      await bus?.close();
      await dispose();
    },
  };
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
    return withEventBus(connection, connection.close);
  }
  const name = `storefront_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const connection = await connect({ kind: "postgres", url: url.toString(), max: 20 });
  await connection.migrate();
  return withEventBus({ ...connection, url: url.toString() }, async () => {
    await connection.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  });
}
