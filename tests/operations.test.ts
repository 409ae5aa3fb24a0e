import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationsAreApplied } from "@/server/db/migration-status";
import { answerMetrics } from "@/server/ops/metrics-endpoint";
import { createTestDatabase, type TestDatabase } from "./support/database";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(() => database.dispose());

describe("migration status (readiness)", () => {
  it("is applied on a migrated database", async () => {
    expect(await migrationsAreApplied(database.db)).toBe(true);
  });

  it("is not applied once the newest migration is missing", async () => {
    await database.db
      .transaction(async (tx) => {
        await tx.execute(
          sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`,
        );
        expect(await migrationsAreApplied(tx)).toBe(false);
        // Rolled back: the rest of the file keeps a complete database.
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error && error.message.includes("Rollback"))) throw error;
      });
    expect(await migrationsAreApplied(database.db)).toBe(true);
  });
});

describe("GET /api/metrics", () => {
  const token = "metrics-token-for-the-test";
  const withBearer = (value: string) => new Headers({ authorization: `Bearer ${value}` });

  it("does not exist without METRICS_TOKEN", async () => {
    const answer = await answerMetrics(withBearer(token), undefined);
    expect(answer.status).toBe(404);
    expect(await answer.json()).toMatchObject({ code: "NOT_FOUND" });
  });

  it("asks for the token, and refuses a wrong one", async () => {
    for (const headers of [new Headers(), withBearer("metrics-token-for-the-tesT"), withBearer("short")]) {
      const answer = await answerMetrics(headers, token);
      expect(answer.status).toBe(401);
      expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await answer.json()).toMatchObject({ code: "UNAUTHORIZED" });
    }
  });

  it("answers Prometheus text with the app's and the process's metrics", async () => {
    const answer = await answerMetrics(withBearer(token), token);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await answer.text();
    for (const name of [
      "storefront_http_requests_total",
      "storefront_http_request_duration_seconds",
      "storefront_trpc_calls_total",
      "storefront_live_subscriptions",
      "storefront_event_bus_lag_seconds",
      "storefront_db_connections",
      "process_resident_memory_bytes",
    ]) {
      expect(text).toContain(`# TYPE ${name}`);
    }
  });
});
