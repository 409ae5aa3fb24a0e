import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "@/server/db/connect";
import type { DatabaseConnection } from "@/server/db/types";
import { callerFor, expectTrpcError, httpCall } from "./support/callers";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { restCall, restErrorBody } from "./support/rest";
import { testEnv } from "./support/test-env";

// A database that is away or too slow is a 503 that says so, with Retry-After, on every face: never a 500.
const timeouts = { statementTimeoutMs: 400, connectTimeoutSeconds: 2 };

describe("a database nobody answers on", () => {
  let away: DatabaseConnection;

  beforeAll(async () => {
    // Port 9 (discard) has no listener here: every connection attempt is refused at once.
    away = await connect({ kind: "postgres", url: "postgres://postgres@127.0.0.1:9/storefront", max: 2, timeouts });
  });

  afterAll(() => away.close());

  it("fails a tRPC call fast with 503, Retry-After and a message that says what is wrong", async () => {
    const started = Date.now();
    const answer = await httpCall(away.db, "catalog.list", { limit: 5 });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).toBe("2");
    const text = await answer.text();
    const body = JSON.parse(text) as { error: { message: string; data: { code: string; httpStatus: number } } };
    expect(body.error.data).toMatchObject({ code: "SERVICE_UNAVAILABLE", httpStatus: 503 });
    expect(body.error.message).toMatch(/cannot reach its database/);
    expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|at .*\.js|stack/i);
  });

  it("fails a REST call with the contract's error body", async () => {
    const answer = await restCall(away.db, "GET", "/products?limit=5");
    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).toBe("2");
    expect(restErrorBody(answer.json)).toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      details: { retryAfterSeconds: 2 },
    });
  });

  it("fails a server-side call (what pages use) with SERVICE_UNAVAILABLE", async () => {
    await expectTrpcError(callerFor(away.db, null).catalog.list({ limit: 5 }), "SERVICE_UNAVAILABLE");
  });
});

// PGlite runs in-process: it has no statement timeout and no locks held by another session.
const onPostgres = testEnv.TEST_DB_KIND === "postgres" ? describe : () => undefined;

onPostgres("a statement stuck behind a lock", () => {
  let database: TestDatabase;
  let bounded: DatabaseConnection;
  let locker: postgres.Sql;

  beforeAll(async () => {
    database = await createTestDatabase();
    if (!database.url) throw new Error("the PostgreSQL test database has no url");
    bounded = await connect({ kind: "postgres", url: database.url, max: 2, timeouts });
    locker = postgres(database.url, { max: 1, onnotice: () => undefined });
  });

  afterAll(async () => {
    await locker.end({ timeout: 5 });
    await bounded.close();
    await database.dispose();
  });

  it("is cancelled at statement_timeout into a 503 that says nothing was changed, and the pool recovers", async () => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked: () => void = () => undefined;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holding = locker.begin(async (sql) => {
      await sql`lock table products in access exclusive mode`;
      locked();
      await released;
    });
    await isLocked;
    try {
      // More stuck calls than the pool has connections: each still ends within a few timeouts.
      const started = Date.now();
      const answers = await Promise.all(
        [1, 2, 3, 4].map(() => httpCall(bounded.db, "catalog.list", { limit: 5 }, { headers: {} })),
      );
      expect(Date.now() - started).toBeLessThan(4 * timeouts.statementTimeoutMs + 2_000);
      for (const answer of answers) {
        expect(answer.status).toBe(503);
        const body = (await answer.json()) as { error: { message: string } };
        expect(body.error.message).toMatch(/took too long to answer, so nothing was changed/);
      }
    } finally {
      release();
      await holding;
    }
    const after = await httpCall(bounded.db, "catalog.list", { limit: 5 });
    expect(after.status).toBe(200);
  });
});
