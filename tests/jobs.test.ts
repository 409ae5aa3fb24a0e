import { sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "@/server/db/rows";
import { auditLog } from "@/server/db/schema";
import { listJobs } from "@/server/domain/jobs/list-jobs";
import { retryFailedJob } from "@/server/domain/jobs/retry-job";
import { enqueueJob } from "@/server/queue/enqueue";
import { sealMail } from "@/server/queue/sealed-mail";
import { JOB_SCHEMA } from "@/server/db/job-queue";
import type { JobHandlers } from "@/server/jobs/handlers";
import { startJobWorker, type JobWorker } from "@/server/jobs/worker";
import { callerFor, expectTrpcError } from "./support/callers";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { buyAs, oneCustomer } from "./support/purchases";
import { insertCustomers, insertProduct } from "./support/shop-fixtures";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(() => database.dispose());

interface JobRow extends Record<string, unknown> {
  id: string;
  state: string;
  retry_count: number;
  data: unknown;
}

function jobsIn(queue: string): Promise<JobRow[]> {
  return selectRows<JobRow>(
    database.db,
    sql`select id, state::text as state, retry_count, data from pgboss.job where name = ${queue}`,
  );
}

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Handlers that record what ran instead of mailing anyone; each test overrides the one it needs. */
function handlers(overrides: Partial<JobHandlers>): JobHandlers {
  const idle = () => Promise.resolve("ok");
  return {
    "mail.send": idle,
    "mail.order-event": idle,
    "events.prune": idle,
    "auth.prune-expired": idle,
    "payments.check-order": idle,
    "payments.refund": idle,
    "payments.sweep": idle,
    "test-provider.deliver": idle,
    "test-provider.settle": idle,
    ...overrides,
  };
}

describe("enqueueing", () => {
  it("a job exists only if its transaction commits", async () => {
    const before = (await jobsIn("events.prune")).length;
    await database.db
      .transaction(async (tx) => {
        await enqueueJob(tx, "events.prune", {});
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(await jobsIn("events.prune")).toHaveLength(before);
    await database.db.transaction((tx) => enqueueJob(tx, "events.prune", {}));
    expect(await jobsIn("events.prune")).toHaveLength(before + 1);
  });

  it("a key queues a job once", async () => {
    const first = await enqueueJob(database.db, "auth.prune-expired", {}, { key: "once" });
    const second = await enqueueJob(database.db, "auth.prune-expired", {}, { key: "once" });
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toBeNull();
  });

  it("an order and its mail job commit together, one job per order event", async () => {
    const customer = await oneCustomer(database.db);
    const product = await insertProduct(database.db, { stock: 5 });
    const before = (await jobsIn("mail.order-event")).length;
    const order = await buyAs(database.db, customer, product.id);
    expect(await jobsIn("mail.order-event")).toHaveLength(before + 1);
    await callerFor(database.db, customer).orders.cancel({ id: order.id });
    expect(await jobsIn("mail.order-event")).toHaveLength(before + 2);
  });

  it("a failed checkout queues no mail", async () => {
    const customer = await oneCustomer(database.db);
    const product = await insertProduct(database.db, { stock: 1 });
    const before = (await jobsIn("mail.order-event")).length;
    await expectTrpcError(buyAs(database.db, customer, product.id, 2), "CONFLICT");
    expect(await jobsIn("mail.order-event")).toHaveLength(before);
  });
});

describe("the worker", () => {
  let worker: JobWorker | undefined;
  afterAll(() => worker?.stop(1_000));

  it("retries with backoff, then fails for good; an admin retry runs it again, audited", async () => {
    const attempts = new Map<string, number>();
    let healthy = false;
    worker = await startJobWorker(database, {
      pollSeconds: 0.5,
      schedules: false,
      handlers: handlers({
        "mail.send": (_db, data) => {
          attempts.set(data.messageKey, (attempts.get(data.messageKey) ?? 0) + 1);
          if (data.messageKey.startsWith("flaky") && (attempts.get(data.messageKey) ?? 0) < 2) {
            return Promise.reject(new Error("SMTP said 451: try again later"));
          }
          if (data.messageKey.startsWith("broken") && !healthy) return Promise.reject(new Error("SMTP is down"));
          return Promise.resolve("sent");
        },
      }),
    });
    const mail = { kind: "account-deleted" as const, to: "someone@example.test", name: "Someone" };
    await enqueueJob(database.db, "mail.send", { messageKey: "flaky-1", sealed: sealMail(mail) }, { key: "flaky-1" });
    const brokenId = await enqueueJob(
      database.db,
      "mail.send",
      { messageKey: "broken-1", sealed: sealMail(mail) },
      { key: "broken-1" },
    );
    if (!brokenId) throw new Error("not queued");

    const stateOf = async (id: string) => (await jobsIn("mail.send")).find((job) => job.id === id)?.state;
    await until(async () => (await stateOf(brokenId)) === "failed", 30_000);
    // JOB_RETRY_LIMIT is 2 in tests: three attempts in all.
    expect(attempts.get("broken-1")).toBe(3);
    expect(attempts.get("flaky-1")).toBe(2);

    const page = await listJobs(database.db, { state: "failed", limit: 50 });
    const listed = page.items.find((job) => job.id === brokenId);
    expect(listed).toMatchObject({ queue: "mail.send", attempts: 3, maxAttempts: 3, lastError: "SMTP is down" });
    // The job's data (a mail, which may carry a sign-in link) is never shown.
    expect(JSON.stringify(page)).not.toContain("someone@example.test");

    const [admin] = await insertCustomers(database.db, 1);
    if (!admin) throw new Error("no admin");
    const audit = { actor: { ...admin, role: "admin" as const }, requestId: "test", clientIp: "127.0.0.1" };
    await expect(retryFailedJob(database.db, audit, brokenId)).resolves.toEqual({ id: brokenId, queue: "mail.send" });
    healthy = true;
    await until(async () => (await stateOf(brokenId)) === "completed");
    expect(attempts.get("broken-1")).toBe(4);
    const audited = await database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.action} = 'job.retried'`);
    expect(audited.map((row) => row.targetId)).toContain(brokenId);
    await expect(retryFailedJob(database.db, audit, brokenId)).rejects.toThrow(/not failed/);
  });

  it("a job whose worker died mid-run is handed back after its timeout and runs again", async () => {
    await worker?.stop(1_000);
    const mail = { kind: "account-deleted" as const, to: "someone@example.test", name: "Someone" };
    const id = await enqueueJob(
      database.db,
      "mail.send",
      { messageKey: "crashed-1", sealed: sealMail(mail) },
      { key: "crashed-1" },
    );
    // A worker that took the job and then vanished (kill -9): the job stays active, nobody completes it.
    const vanished = new PgBoss({
      db: { executeSql: database.executeSql },
      schema: JOB_SCHEMA,
      supervise: false,
      schedule: false,
    });
    const [taken] = await vanished.fetch("mail.send");
    expect(taken?.id).toBe(id);
    const runs: string[] = [];
    worker = await startJobWorker(database, {
      pollSeconds: 0.5,
      maintenanceSeconds: 1,
      schedules: false,
      handlers: handlers({ "mail.send": (_db, data) => Promise.resolve(runs.push(data.messageKey)) }),
    });
    // JOB_TIMEOUT_SECONDS is 2 in tests; the upkeep runs every second.
    await until(async () => (await jobsIn("mail.send")).find((job) => job.id === id)?.state === "completed");
    expect(runs).toEqual(["crashed-1"]);
    expect((await jobsIn("mail.send")).find((job) => job.id === id)?.retry_count).toBe(1);
  });

  it("on stop, a running job finishes within the time given, or goes back to the queue", async () => {
    await worker?.stop(1_000);
    worker = undefined;
    const mail = { kind: "account-deleted" as const, to: "someone@example.test", name: "Someone" };
    const started: string[] = [];
    let finishQuick = () => undefined as void;
    const quickGate = new Promise<void>((resolve) => (finishQuick = resolve));
    const options = {
      pollSeconds: 0.5,
      schedules: false,
      handlers: handlers({
        "mail.send": async (_db, data) => {
          started.push(data.messageKey);
          if (data.messageKey === "stop-quick") await quickGate;
          else await new Promise((resolve) => setTimeout(resolve, 8_000));
          return "sent";
        },
      }),
    };
    const stateOf = async (id: string | null) => (await jobsIn("mail.send")).find((job) => job.id === id)?.state;

    const quick = await enqueueJob(database.db, "mail.send", { messageKey: "stop-quick", sealed: sealMail(mail) });
    const first = await startJobWorker(database, options);
    await until(() => Promise.resolve(started.includes("stop-quick")));
    setTimeout(finishQuick, 300);
    await first.stop(3_000);
    expect(await stateOf(quick)).toBe("completed");

    const slow = await enqueueJob(database.db, "mail.send", { messageKey: "stop-slow", sealed: sealMail(mail) });
    const second = await startJobWorker(database, options);
    await until(() => Promise.resolve(started.includes("stop-slow")));
    const stopping = Date.now();
    await second.stop(1_000);
    expect(Date.now() - stopping).toBeLessThan(3_000);
    // Handed back: waiting for its retry, to run again after a restart or on another instance.
    expect(await stateOf(slow)).toBe("retry");
  });

  it("two workers run each job once", async () => {
    await worker?.stop(1_000);
    const runs = new Map<string, number>();
    const count = (_db: unknown, data: { messageKey: string }) => {
      runs.set(data.messageKey, (runs.get(data.messageKey) ?? 0) + 1);
      return new Promise<string>((resolve) => setTimeout(() => resolve("sent"), 20));
    };
    const options = { pollSeconds: 0.5, schedules: false, handlers: handlers({ "mail.send": count }) };
    const workers = [await startJobWorker(database, options), await startJobWorker(database, options)];
    const mail = { kind: "account-deleted" as const, to: "someone@example.test", name: "Someone" };
    for (let index = 0; index < 20; index += 1) {
      await enqueueJob(
        database.db,
        "mail.send",
        { messageKey: `pair-${index}`, sealed: sealMail(mail) },
        { key: `pair-${index}` },
      );
    }
    // Only this test's jobs: one handed back by the test before may run here too.
    const pairs = () => [...runs].filter(([key]) => key.startsWith("pair-"));
    await until(() => Promise.resolve(pairs().length === 20));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await Promise.all(workers.map((each) => each.stop(1_000)));
    expect(pairs().every(([, times]) => times === 1)).toBe(true);
    worker = undefined;
  });
});
