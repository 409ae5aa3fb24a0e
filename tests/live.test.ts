import { checkoutWith } from "./support/shipping";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createCaller } from "@/server/api/root";
import { watchLiveness } from "@/server/api/stream-liveness";
import { events, products } from "@/server/db/schema";
import type { Actor } from "@/server/domain/actor";
import { endSession } from "@/server/domain/sessions/sessions";
import { createEventBus } from "@/server/events/bus";
import { publishEvents } from "@/server/events/publish";
import { pruneEvents } from "@/server/events/retention";
import { EventStream } from "@/server/events/stream";
import { logger } from "@/server/observability/logger";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { callerFor, expectTrpcError, testContext } from "./support/callers";
import { sessionCookieFor } from "./support/sessions";
import { insertProduct } from "./support/shop-fixtures";
import { buyAs, oneCustomer } from "./support/purchases";
import { Received, waitForSubscribers, type Tracked } from "./support/subscription";
import { testEnv } from "./support/test-env";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(() => database.dispose());

const customer = () => oneCustomer(database.db);
const buy = (actor: Actor, productId: string, quantity = 1) => buyAs(database.db, actor, productId, quantity);

/** Opens a subscription and waits until it is attached to the bus, so nothing after this can be missed. */
async function open<I extends Tracked<unknown>>(start: (signal: AbortSignal) => Promise<AsyncIterable<I>>) {
  const bus = await database.getEventBus();
  const before = bus.subscriberCount();
  const controller = new AbortController();
  const received = new Received(start(controller.signal));
  await waitForSubscribers(bus, before + 1).catch((error: unknown) => {
    throw received.error ?? error;
  });
  return { received, close: () => controller.abort() };
}

/** How often the streams of `identifiedCaller` re-check their session or token. */
const CHECK_MS = 50;

/** A caller identified as in production, by a cookie or bearer token in `headers`, re-checked every CHECK_MS. */
function identifiedCaller(headers: Headers, signal?: AbortSignal) {
  return createCaller(testContext(database.db, { headers, livenessCheckMs: CHECK_MS }), { signal });
}

/**
 * Resolves when the stream has ended by itself and rejects with what it ended
 * with; fails if it is still open after `timeoutMs`, far beyond CHECK_MS but
 * far short of SSE_MAX_DURATION_SECONDS.
 */
async function ending(received: { finished: Promise<void>; error: unknown }, timeoutMs = 5_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the stream was still open after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([received.finished, late]);
  } finally {
    clearTimeout(timer);
  }
  if (received.error !== undefined) throw received.error;
}

describe("live.stock", () => {
  it("delivers committed stock changes in commit order", async () => {
    const [mug, lamp] = [
      await insertProduct(database.db, { stock: 5 }),
      await insertProduct(database.db, { stock: 9 }),
    ];
    const productIds = [mug.id, lamp.id];
    const { received, close } = await open((signal) =>
      callerFor(database.db, null, { signal }).live.stock({ productIds }),
    );
    const buyer = await customer();
    await buy(buyer, mug.id, 2);
    await buy(buyer, lamp.id, 4);
    await buy(buyer, mug.id, 3);

    const items = await received.waitFor(3);
    expect(items.map((item) => item.data)).toEqual([
      { kind: "stock", productId: mug.id, stock: 3 },
      { kind: "stock", productId: lamp.id, stock: 5 },
      { kind: "stock", productId: mug.id, stock: 0 },
    ]);
    const ids = items.map((item) => Number(item.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    close();
  });

  it("resumes after a last event id with exactly the events it missed", async () => {
    const product = await insertProduct(database.db, { stock: 10 });
    const productIds = [product.id];
    const buyer = await customer();
    const first = await open((signal) => callerFor(database.db, null, { signal }).live.stock({ productIds }));
    await buy(buyer, product.id, 1);
    const [seen] = await first.received.waitFor(1);
    first.close();

    // Missed while disconnected:
    await buy(buyer, product.id, 2);
    await buy(buyer, product.id, 3);

    const resumed = await open((signal) =>
      callerFor(database.db, null, { signal }).live.stock({ productIds, lastEventId: seen?.id }),
    );
    await buy(buyer, product.id, 1);
    const items = await resumed.received.waitFor(3);
    expect(items.map((item) => item.data)).toEqual([
      { kind: "stock", productId: product.id, stock: 7 },
      { kind: "stock", productId: product.id, stock: 4 },
      { kind: "stock", productId: product.id, stock: 3 },
    ]);
    expect(new Set(items.map((item) => item.id)).size).toBe(3);
    resumed.close();
  });

  it("subscribing from live.position gets what committed after the position was read", async () => {
    const product = await insertProduct(database.db, { stock: 6 });
    const productIds = [product.id];
    const buyer = await customer();
    await buy(buyer, product.id, 1);
    const bus = await database.getEventBus();
    const [latest] = await database.db
      .select({ id: events.id })
      .from(events)
      .orderBy(sql`${events.id} desc`)
      .limit(1);
    const deadline = Date.now() + 5_000;
    while (bus.position() < (latest?.id ?? 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // What a page does: read the position, render, then open the stream from it.
    const { lastEventId } = await callerFor(database.db, null).live.position();
    await buy(buyer, product.id, 2);

    const resumed = await open((signal) =>
      callerFor(database.db, null, { signal }).live.stock({ productIds, lastEventId }),
    );
    await buy(buyer, product.id, 1);
    const items = await resumed.received.waitFor(2);
    expect(items.map((item) => item.data)).toEqual([
      { kind: "stock", productId: product.id, stock: 3 },
      { kind: "stock", productId: product.id, stock: 2 },
    ]);
    resumed.close();
  });

  it("emits nothing for a rolled-back transaction", async () => {
    const product = await insertProduct(database.db, { stock: 4 });
    const productIds = [product.id];
    const { received, close } = await open((signal) =>
      callerFor(database.db, null, { signal }).live.stock({ productIds }),
    );
    const scarce = await insertProduct(database.db, { stock: 1 });
    const buyer = await customer();
    const caller = callerFor(database.db, buyer);
    await caller.cart.setItem({ productId: product.id, quantity: 1 });
    await caller.cart.setItem({ productId: scarce.id, quantity: 1 });
    await database.db.update(products).set({ stock: 0 }).where(eq(products.id, scarce.id));
    // A checkout with one short line rolls back the stock it had already taken and its outbox row.
    await expectTrpcError(caller.checkout.placeOrder(checkoutWith(randomUUID())), "CONFLICT");
    await expect(
      database.db.transaction(async (tx) => {
        await publishEvents(tx, [{ topic: "stock.changed", payload: { productId: product.id, stock: 1 } }]);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    // Committed afterwards: it must be the first thing the subscriber sees.
    await caller.cart.setItem({ productId: scarce.id, quantity: 0 });
    await caller.checkout.placeOrder(checkoutWith(randomUUID()));

    const [first] = await received.waitFor(1);
    expect(first?.data).toEqual({ kind: "stock", productId: product.id, stock: 3 });
    // A sentinel committed after everything above: when it arrives, nothing was delivered in between.
    await database.db.transaction((tx) =>
      publishEvents(tx, [{ topic: "stock.changed", payload: { productId: product.id, stock: 999 } }]),
    );
    const delivered = await received.waitFor(2);
    expect(delivered.map((item) => item.data)).toEqual([
      { kind: "stock", productId: product.id, stock: 3 },
      { kind: "stock", productId: product.id, stock: 999 },
    ]);
    close();
  });

  it("tells a client that resumes from before the retention window to refresh", async () => {
    const product = await insertProduct(database.db, { stock: 10 });
    const buyer = await customer();
    await buy(buyer, product.id, 1);
    const [old] = await database.db
      .select({ id: events.id })
      .from(events)
      .where(eq(events.topic, "stock.changed"))
      .orderBy(events.id)
      .limit(1);
    await buy(buyer, product.id, 1);
    expect(await pruneEvents(database.db, new Date(Date.now() + 60_000))).toBeGreaterThan(0);

    const resumed = await open((signal) =>
      callerFor(database.db, null, { signal }).live.stock({ productIds: [product.id], lastEventId: String(old?.id) }),
    );
    await buy(buyer, product.id, 1);
    const items = await resumed.received.waitFor(2);
    expect(items[0]?.data).toEqual({ kind: "refresh" });
    expect(items[1]?.data).toEqual({ kind: "stock", productId: product.id, stock: 7 });
    resumed.close();
  });

  it("refuses a malformed last event id", async () => {
    await expectTrpcError(
      (async () => {
        const iterable = await callerFor(database.db, null).live.stock({ lastEventId: "1; drop table events" });
        for await (const _ of iterable) break;
      })(),
      "BAD_REQUEST",
    );
  });

  it("releases every listener when subscriptions end: 1,000 subscribe/abort cycles", async () => {
    const bus = await database.getEventBus();
    const baseline = bus.subscriberCount();
    for (let cycle = 0; cycle < 1_000; cycle++) {
      const controller = new AbortController();
      const iterator = (await callerFor(database.db, null, { signal: controller.signal }).live.stock({}))[
        Symbol.asyncIterator
      ]();
      const pending = iterator.next().catch(() => undefined);
      await waitForSubscribers(bus, baseline + 1);
      controller.abort();
      await pending;
    }
    await waitForSubscribers(bus, baseline);
  });
});

describe("live.orders", () => {
  it("needs a signed-in customer", async () => {
    await expectTrpcError(
      (async () => {
        for await (const _ of await callerFor(database.db, null).live.orders({})) break;
      })(),
      "UNAUTHORIZED",
    );
  });

  it("yields the customer's own order status changes and never another customer's", async () => {
    const [alice, bob] = [await customer(), await customer()];
    const product = await insertProduct(database.db, { stock: 10 });
    const { received, close } = await open((signal) => callerFor(database.db, alice, { signal }).live.orders({}));

    const bobs = await buy(bob, product.id);
    await callerFor(database.db, bob).orders.cancel({ id: bobs.id });
    const alices = await buy(alice, product.id);
    await callerFor(database.db, alice).orders.cancel({ id: alices.id });

    const items = await received.waitFor(2);
    expect(items.map((item) => item.data)).toEqual([
      { kind: "order", orderId: alices.id, status: "paid" },
      { kind: "order", orderId: alices.id, status: "cancelled" },
    ]);
    close();
  });

  it("backfills only the customer's own events on resume", async () => {
    const [alice, bob] = [await customer(), await customer()];
    const product = await insertProduct(database.db, { stock: 10 });
    const first = await open((signal) => callerFor(database.db, alice, { signal }).live.orders({}));
    const placed = await buy(alice, product.id);
    const [seen] = await first.received.waitFor(1);
    first.close();

    await buy(bob, product.id);
    await callerFor(database.db, alice).orders.cancel({ id: placed.id });

    const resumed = await open((signal) =>
      callerFor(database.db, alice, { signal }).live.orders({ lastEventId: seen?.id }),
    );
    const [missed] = await resumed.received.waitFor(1);
    expect(missed?.data).toEqual({ kind: "order", orderId: placed.id, status: "cancelled" });
    // Bob buys again, then Alice: when Alice's order arrives, Bob's (before it) was left out.
    await buy(bob, product.id);
    const sentinel = await buy(alice, product.id);
    const delivered = await resumed.received.waitFor(2);
    expect(delivered.map((item) => item.data)).toEqual([
      { kind: "order", orderId: placed.id, status: "cancelled" },
      { kind: "order", orderId: sentinel.id, status: "paid" },
    ]);
    resumed.close();
  });

  it("accepts no input at all, as from now on", async () => {
    const alice = await customer();
    const product = await insertProduct(database.db, { stock: 5 });
    const { received, close } = await open((signal) => callerFor(database.db, alice, { signal }).live.orders());
    const placed = await buy(alice, product.id);
    const [paid] = await received.waitFor(1);
    expect(paid?.data).toEqual({ kind: "order", orderId: placed.id, status: "paid" });
    close();
  });

  it("ends with UNAUTHORIZED within a check once its session ends (sign-out)", async () => {
    const alice = await customer();
    const { cookie, sessionId } = await sessionCookieFor(database.db, alice.id);
    const product = await insertProduct(database.db, { stock: 5 });
    const bus = await database.getEventBus();
    const before = bus.subscriberCount();
    const { received } = await open((signal) => identifiedCaller(new Headers({ cookie }), signal).live.orders({}));
    // Checks that find the session live leave the stream alone.
    await new Promise((resolve) => setTimeout(resolve, CHECK_MS * 4));
    const placed = await buy(alice, product.id);
    const [paid] = await received.waitFor(1);
    expect(paid?.data).toEqual({ kind: "order", orderId: placed.id, status: "paid" });

    await endSession(database.db, sessionId);
    const error = await expectTrpcError(ending(received), "UNAUTHORIZED");
    expect(error.message).toBe("Your session has ended. Sign in again.");
    await waitForSubscribers(bus, before);
  });

  it("ends with UNAUTHORIZED once the customer signs out everywhere", async () => {
    const alice = await customer();
    const { cookie } = await sessionCookieFor(database.db, alice.id);
    const headers = new Headers({ cookie });
    const { received } = await open((signal) => identifiedCaller(headers, signal).live.orders());
    await identifiedCaller(headers).account.signOutEverywhere();
    const error = await expectTrpcError(ending(received), "UNAUTHORIZED");
    expect(error.message).toBe("Your session has ended. Sign in again.");
  });

  it("ends with UNAUTHORIZED once the API token it was opened with is revoked", async () => {
    const owner = await customer();
    const { token, summary } = await callerFor(database.db, owner).account.tokens.create({
      name: "order watcher",
      scopes: ["read"],
      expiresInDays: 30,
    });
    const headers = new Headers({ authorization: `Bearer ${token}` });
    const { received } = await open((signal) => identifiedCaller(headers, signal).live.orders({}));
    await callerFor(database.db, owner).account.tokens.revoke({ id: summary.id });
    const error = await expectTrpcError(ending(received), "UNAUTHORIZED");
    expect(error.message).toMatch(/API token was revoked/);
  });
});

describe("event bus", () => {
  it("fans every event out to each bus on the same database (one per app instance)", async () => {
    const second = createEventBus(database);
    await second.ready;
    try {
      const product = await insertProduct(database.db, { stock: 3 });
      const received: number[] = [];
      const unsubscribe = second.subscribe({
        onEvent: (event) => {
          if (event.topic === "stock.changed" && event.payload.productId === product.id) received.push(event.id);
        },
        onClose: () => undefined,
      });
      await buy(await customer(), product.id, 2);
      const deadline = Date.now() + 5_000;
      while (received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(received).toHaveLength(1);
      unsubscribe();
      expect(second.subscriberCount()).toBe(0);
    } finally {
      await second.close();
    }
  });

  it("ends its subscriptions when it closes", async () => {
    const bus = createEventBus(database);
    await bus.ready;
    const stream = new EventStream({
      bus,
      db: database.db,
      filter: {},
      lastEventId: null,
      signal: new AbortController().signal,
      map: (item) => item,
    });
    const outcome = stream.next().then(
      () => "an event",
      (error: unknown) => error,
    );
    await bus.close();
    expect(await outcome).toMatchObject({ name: "AbortError" });
    expect(bus.subscriberCount()).toBe(0);
  });

  it("ends a stream with its signal's reason when that is an error of its own, then calls onEnd once", async () => {
    const bus = await database.getEventBus();
    const controller = new AbortController();
    const onEnd = vi.fn();
    const stream = new EventStream({
      bus,
      db: database.db,
      filter: {},
      lastEventId: null,
      signal: controller.signal,
      map: (item) => item,
      onEnd,
    });
    const outcome = stream.next().then(
      () => "an event",
      (error: unknown) => error,
    );
    const why = new Error("the session ended");
    controller.abort(why);
    expect(await outcome).toBe(why);
    await stream.return();
    expect(onEnd).toHaveBeenCalledTimes(1);
  });

  // PGlite listens in-process: there is no connection that could drop.
  const onPostgres = testEnv.TEST_DB_KIND === "postgres" ? it : () => undefined;

  onPostgres("catches up from the table after its listening connection drops", async () => {
    const bus = createEventBus(database);
    await bus.ready;
    try {
      const product = await insertProduct(database.db, { stock: 20 });
      await database.db.execute(
        sql`select pg_terminate_backend(pid) from pg_stat_activity
             where datname = current_database() and pid <> pg_backend_pid() and query ilike 'listen%'`,
      );
      await database.db.update(products).set({ stock: 19 }).where(eq(products.id, product.id));
      await database.db.transaction((tx) =>
        publishEvents(tx, [{ topic: "stock.changed", payload: { productId: product.id, stock: 19 } }]),
      );
      const [latest] = await database.db.select({ id: sql<number>`max(${events.id})::int` }).from(events);
      const deadline = Date.now() + 10_000;
      while (bus.position() < (latest?.id ?? 0) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(bus.position()).toBe(latest?.id);
    } finally {
      await bus.close();
    }
  });
});

describe("stream liveness checks", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("keeps a stream through a failed check and ends it at the first that finds the caller gone", async () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    const isLive = vi
      .fn<() => Promise<boolean>>()
      .mockRejectedValueOnce(new Error("connection refused"))
      .mockResolvedValueOnce(true)
      .mockResolvedValue(false);
    const signedOut = new Error("signed out");
    const watch = watchLiveness({
      signal: new AbortController().signal,
      everyMs: 1_000,
      isLive,
      ended: () => signedOut,
    });

    await vi.advanceTimersByTimeAsync(1_000);
    expect(isLive).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(watch.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(watch.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(watch.signal.reason).toBe(signedOut);
    expect(vi.getTimerCount()).toBe(0);
    warn.mockRestore();
  });

  it("stops checking when the client leaves or the stream ends by itself", async () => {
    const isLive = vi.fn(() => Promise.resolve(true));
    const request = new AbortController();
    const options = { everyMs: 1_000, isLive, ended: () => new Error("signed out") };
    const left = watchLiveness({ ...options, signal: request.signal });
    const ended = watchLiveness({ ...options, signal: new AbortController().signal });
    expect(vi.getTimerCount()).toBe(2);

    request.abort();
    ended.stop();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(isLive).not.toHaveBeenCalled();
    expect(left.signal.reason).toMatchObject({ name: "AbortError" });
    expect(ended.signal.aborted).toBe(false);
  });
});
