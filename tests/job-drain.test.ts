import { sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "@/server/db/rows";
import { drainJobs } from "@/server/jobs/drain";
import { enqueueJob } from "@/server/queue/enqueue";
import { sealMail } from "@/server/queue/sealed-mail";
import type { JobHandlers } from "@/server/jobs/handlers";
import { JOB_SCHEMA } from "@/server/db/job-queue";
import { answerJobRun } from "@/server/ops/job-run-endpoint";
import { createTestDatabase, type TestDatabase } from "./support/database";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(() => database.dispose());

const mail = { kind: "account-deleted" as const, to: "someone@example.test", name: "Someone" };
const SECRET = "cron-secret-cron-secret";

function recording(runs: string[], failing: Set<string> = new Set()): JobHandlers {
  return {
    "mail.send": (_db, data) =>
      failing.has(data.messageKey)
        ? Promise.reject(new Error("SMTP is down"))
        : Promise.resolve(runs.push(data.messageKey)),
    "mail.order-event": () => Promise.resolve("ok"),
    "events.prune": () => Promise.resolve(runs.push("events.prune")),
    "auth.prune-expired": () => Promise.resolve(runs.push("auth.prune-expired")),
    "payments.check-order": (_db, data) => Promise.resolve(runs.push(`payments.check-order ${data.orderId}`)),
    "payments.refund": (_db, data) => Promise.resolve(runs.push(`payments.refund ${data.refundId}`)),
    "payments.sweep": () => Promise.resolve(runs.push("payments.sweep")),
    "test-provider.deliver": (_db, data) => Promise.resolve(runs.push(`test-provider.deliver ${data.eventId}`)),
    "test-provider.settle": (_db, data) => Promise.resolve(runs.push(`test-provider.settle ${data.sessionId}`)),
  };
}

function stateOf(id: string | null) {
  return selectRows<{ state: string }>(database.db, sql`select state::text as state from pgboss.job where id = ${id}`);
}

describe("draining the queue without a worker (a scheduled call, as on Vercel)", () => {
  it("runs what waits, the scheduled jobs once per slot, and fails what throws", async () => {
    const now = new Date("2026-12-07T10:05:00Z");
    const ok = await enqueueJob(
      database.db,
      "mail.send",
      { messageKey: "drain-ok", sealed: sealMail(mail) },
      { key: "drain-ok" },
    );
    const bad = await enqueueJob(
      database.db,
      "mail.send",
      { messageKey: "drain-bad", sealed: sealMail(mail) },
      { key: "drain-bad" },
    );
    const runs: string[] = [];
    const result = await drainJobs(database, {
      budgetMs: 10_000,
      now,
      handlers: recording(runs, new Set(["drain-bad"])),
    });
    expect(result).toEqual({ completed: 4, failed: 1, more: false });
    expect(runs.sort()).toEqual(["auth.prune-expired", "drain-ok", "events.prune", "payments.sweep"]);
    expect(await stateOf(ok)).toEqual([{ state: "completed" }]);
    // Retried later (JOB_RETRY_LIMIT is 2 in tests), like a worker's failure.
    expect(await stateOf(bad)).toEqual([{ state: "retry" }]);

    // A second call in the same ten minutes queues no second pruning.
    const again: string[] = [];
    await drainJobs(database, { budgetMs: 10_000, now: new Date("2026-12-07T10:09:00Z"), handlers: recording(again) });
    expect(again).not.toContain("events.prune");
    expect(again).not.toContain("auth.prune-expired");
    expect(again).not.toContain("payments.sweep");
  });

  it("hands back the job of a worker that died, then runs it", async () => {
    const id = await enqueueJob(
      database.db,
      "mail.send",
      { messageKey: "drain-crashed", sealed: sealMail(mail) },
      { key: "drain-crashed" },
    );
    const vanished = new PgBoss({ db: { executeSql: database.executeSql }, schema: JOB_SCHEMA, supervise: false });
    await vanished.fetch("mail.send");
    // JOB_TIMEOUT_SECONDS is 2 in tests.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const runs: string[] = [];
    // Each call is a scheduler's tick: the first hands the job back (with a retry delay), a later one runs it.
    const deadline = Date.now() + 15_000;
    while (!runs.includes("drain-crashed") && Date.now() < deadline) {
      await drainJobs(database, { budgetMs: 10_000, handlers: recording(runs) });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(runs).toContain("drain-crashed");
    expect(await stateOf(id)).toEqual([{ state: "completed" }]);
  });

  it("answers only a caller holding CRON_SECRET, and is absent without one", async () => {
    const connection = () => Promise.resolve(database);
    const call = (authorization: string | null, secret?: string) =>
      answerJobRun(new Headers(authorization ? { authorization } : {}), { secret, connection, budgetMs: 5_000 });
    expect((await call(`Bearer ${SECRET}`, undefined)).status).toBe(404);
    expect((await call(null, SECRET)).status).toBe(401);
    expect((await call("Bearer wrong-secret-wrong-secret", SECRET)).status).toBe(401);
    const answer = await call(`Bearer ${SECRET}`, SECRET);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ more: false });
  });
});
