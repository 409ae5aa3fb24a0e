import { IncomingMessage } from "node:http";
import { Socket } from "node:net";
import { createTRPCClient, httpSubscriptionLink } from "@trpc/client";
import { EventSource, type FetchLike } from "eventsource";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleTrpcRequest } from "@/server/api/http-handler";
import type { AppRouter } from "@/server/api/root";
import { listProcedures } from "@/server/api/procedures";
import { appRouter } from "@/server/api/root";
import { sseSettings } from "@/server/api/sse-settings";
import type { Actor } from "@/server/domain/actor";
import { answerLiveStreamWith, isLiveStreamRequest } from "../server/live-streams";
import { callerFor, testContext } from "./support/callers";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { listen, listenWithFetch, type TestServer } from "./support/http-servers";
import { sessionCookieFor } from "./support/sessions";
import { insertProduct } from "./support/shop-fixtures";
import { buyAs, oneCustomer } from "./support/purchases";

// The same subscriptions through both transports, on one database and one event bus: the production
// server's own stream writer (server/live-streams.ts) and tRPC's producer behind the route handler's
// fetch handler, each read by tRPC's own client.
let database: TestDatabase;
let direct: TestServer;
let routed: TestServer;

const POLL = { timeout: 5_000, interval: 20 };

beforeAll(async () => {
  database = await createTestDatabase();
  const answerLiveStream = answerLiveStreamWith(async (headers, requestId) =>
    testContext(database.db, { headers, requestId }),
  );
  direct = await listen((req, res) => {
    if (isLiveStreamRequest(req)) void answerLiveStream(req, res);
    else res.writeHead(404).end();
  });
  routed = await listenWithFetch((request) =>
    handleTrpcRequest(request, async (limited) => testContext(database.db, { headers: limited.headers })),
  );
});

afterAll(async () => {
  await direct.close();
  await routed.close();
  await database.dispose();
});

const customer = () => oneCustomer(database.db);
const buy = (actor: Actor, productId: string, quantity = 1) => buyAs(database.db, actor, productId, quantity);

/** An EventSource `fetch` that sends the session cookie, as a browser would. */
function withCookie(cookie: string): FetchLike {
  return (url, init) => fetch(url, { ...init, headers: { ...init.headers, cookie } });
}

function clientOf(server: TestServer, cookie?: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpSubscriptionLink({
        url: `${server.origin}/api/trpc`,
        EventSource,
        eventSourceOptions: cookie === undefined ? undefined : { fetch: withCookie(cookie) },
      }),
    ],
  });
}

interface Seen {
  items: { id: string; data: unknown }[];
  errors: unknown[];
}

/** Collects what one subscription delivers until `stop`. */
function collecting(subscribe: (seen: Seen) => { unsubscribe: () => void }) {
  const seen: Seen = { items: [], errors: [] };
  const subscription = subscribe(seen);
  return { seen, stop: () => subscription.unsubscribe() };
}

function stockOn(server: TestServer, input: { productIds: string[]; lastEventId?: string }) {
  return collecting((seen) =>
    clientOf(server).live.stock.subscribe(input, {
      onData: ({ id, data }) => seen.items.push({ id, data }),
      onError: (error) => seen.errors.push(error),
    }),
  );
}

function ordersOn(server: TestServer, cookie: string, input: { lastEventId?: string }) {
  return collecting((seen) =>
    clientOf(server, cookie).live.orders.subscribe(input, {
      onData: ({ id, data }) => seen.items.push({ id, data }),
      onError: (error) => seen.errors.push(error),
    }),
  );
}

/** Opens one subscription per transport and waits until both are attached to the bus. */
async function onBoth<T extends { seen: Seen; stop: () => void }>(open: (server: TestServer) => T): Promise<[T, T]> {
  const bus = await database.getEventBus();
  const before = bus.subscriberCount();
  const pair: [T, T] = [open(direct), open(routed)];
  await expect
    .poll(() => {
      for (const { seen } of pair) if (seen.errors.length > 0) throw seen.errors[0];
      return bus.subscriberCount();
    }, POLL)
    .toBe(before + 2);
  return pair;
}

async function closeBoth(pair: [{ stop: () => void }, { stop: () => void }]): Promise<void> {
  const bus = await database.getEventBus();
  const before = bus.subscriberCount();
  for (const { stop } of pair) stop();
  await expect.poll(() => bus.subscriberCount(), POLL).toBe(before - 2);
}

/**
 * Waits until each transport has delivered `expected` (the data, in order) and
 * checks both delivered the same events, ids included, once each.
 */
async function expectSameEvents(pair: [{ seen: Seen }, { seen: Seen }], expected: unknown[]) {
  const [fromDirect, fromRouted] = pair.map(({ seen }) => seen);
  for (const seen of [fromDirect, fromRouted]) {
    await expect.poll(() => seen?.items.map((item) => item.data), POLL).toEqual(expected);
    expect(seen?.errors).toEqual([]);
  }
  expect(fromDirect?.items).toEqual(fromRouted?.items);
  const ids = fromDirect?.items.map((item) => Number(item.id)) ?? [];
  expect(new Set(ids).size).toBe(expected.length);
  expect(ids).toEqual([...ids].sort((a, b) => a - b));
  return fromDirect?.items ?? [];
}

describe("live streams on both transports", () => {
  it("streams every subscription of the router, and nothing else", () => {
    const get = (path: string) => Object.assign(new IncomingMessage(new Socket()), { method: "GET", url: path });
    const procedures = listProcedures(appRouter);
    for (const { path, type } of procedures) {
      expect(isLiveStreamRequest(get(`/api/trpc/${path}?input=%7B%7D`)), path).toBe(type === "subscription");
      expect(isLiveStreamRequest(get(`/api/trpc/${path}?batch=1&input=%7B%7D`)), path).toBe(false);
    }
    expect(procedures.some(({ type }) => type === "subscription")).toBe(true);
  });

  it("delivers the same stock events, in order, once each, and resumes alike", async () => {
    const product = await insertProduct(database.db, { stock: 20 });
    const productIds = [product.id];
    const buyer = await customer();
    const stock = (left: number) => ({ kind: "stock", productId: product.id, stock: left });

    const first = await onBoth((server) => stockOn(server, { productIds }));
    await buy(buyer, product.id, 1);
    await buy(buyer, product.id, 2);
    await buy(buyer, product.id, 3);
    const seen = await expectSameEvents(first, [stock(19), stock(17), stock(14)]);
    await closeBoth(first);

    // Missed while away; both resume from the first event.
    await buy(buyer, product.id, 4);
    await buy(buyer, product.id, 1);
    const resumed = await onBoth((server) => stockOn(server, { productIds, lastEventId: seen[0]?.id }));
    await buy(buyer, product.id, 2);
    const again = await expectSameEvents(resumed, [stock(17), stock(14), stock(10), stock(9), stock(7)]);
    expect(again.slice(0, 2)).toEqual(seen.slice(1));
    await closeBoth(resumed);
  });

  it("delivers a signed-in customer's own order events alike, by session cookie", async () => {
    const [alice, bob] = [await customer(), await customer()];
    const { cookie } = await sessionCookieFor(database.db, alice.id);
    const product = await insertProduct(database.db, { stock: 10 });
    const order = (id: string, status: string) => ({ kind: "order", orderId: id, status });

    const first = await onBoth((server) => ordersOn(server, cookie, {}));
    await buy(bob, product.id);
    const placed = await buy(alice, product.id);
    await callerFor(database.db, alice).orders.cancel({ id: placed.id });
    const seen = await expectSameEvents(first, [order(placed.id, "paid"), order(placed.id, "cancelled")]);
    await closeBoth(first);

    const resumed = await onBoth((server) => ordersOn(server, cookie, { lastEventId: seen[0]?.id }));
    const next = await buy(alice, product.id);
    await expectSameEvents(resumed, [order(placed.id, "cancelled"), order(next.id, "paid")]);
    await closeBoth(resumed);
  });

  it("writes the same frames as tRPC's producer for the same events", async () => {
    const product = await insertProduct(database.db, { stock: 5 });
    const buyer = await customer();
    const bus = await database.getEventBus();
    const before = bus.subscriberCount();
    const input = encodeURIComponent(JSON.stringify({ productIds: [product.id] }));
    const reads = [direct, routed].map((server) => rawFrames(`${server.origin}/api/trpc/live.stock?input=${input}`));
    await expect.poll(() => bus.subscriberCount(), POLL).toBe(before + 2);
    await buy(buyer, product.id, 2);
    await buy(buyer, product.id, 1);

    const [fromDirect, fromRouted] = await Promise.all(reads.map((read) => read.until(3)));
    expect(fromDirect?.contentType).toBe("text/event-stream");
    expect(fromDirect?.contentType).toBe(fromRouted?.contentType);
    expect(fromDirect?.frames[0]).toBe(`event: connected\ndata: ${JSON.stringify(sseSettings.client)}\n`);
    expect(fromDirect?.frames).toEqual(fromRouted?.frames);
    for (const read of reads) read.stop();
  });
});

/** Reads a stream's raw SSE messages (pings left out), to compare the bytes both transports write. */
function rawFrames(url: string) {
  const controller = new AbortController();
  const response = fetch(url, { signal: controller.signal });
  return {
    stop: () => controller.abort(),
    async until(count: number) {
      const answer = await response;
      if (!answer.body) throw new Error("no body");
      const reader = answer.body.pipeThrough(new TextDecoderStream()).getReader();
      let text = "";
      let frames: string[] = [];
      while (frames.length < count) {
        const { done, value } = await reader.read();
        if (done) throw new Error(`the stream ended after ${frames.length} messages: ${JSON.stringify(text)}`);
        text += value;
        // Each message ends with its fields' newline and a blank line: three newlines in a row.
        frames = text
          .split("\n\n\n")
          .slice(0, -1)
          .filter((frame) => frame !== "event: ping\ndata: ");
      }
      reader.releaseLock();
      return { contentType: answer.headers.get("content-type"), frames: frames.map((frame) => `${frame}\n`) };
    },
  };
}
