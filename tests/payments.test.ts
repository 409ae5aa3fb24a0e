import { checkoutWith } from "./support/shipping";
import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, orders, paymentEvents, payments, testProviderEvents } from "@/server/db/schema";
import { settleUnpaidOrder } from "@/server/domain/payments/settle-unpaid-order";
import { receivePaymentWebhook } from "@/server/ops/payment-webhook";
import { SIGNATURE_HEADER, signWebhook } from "@/server/payments/test-provider/signature";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { callerFor } from "./support/callers";
import {
  deliverTestWebhooks,
  payPlacedOrder,
  sessionIdOf,
  settleRefunds,
  signedDelivery,
  submitTestCard,
  testProvider,
} from "./support/payments";
import { oneCustomer, placeUnpaid } from "./support/purchases";
import { insertProduct, stockOf } from "./support/shop-fixtures";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(() => database.dispose());

async function lastEventsOf(sessionPaymentUrl: string | null) {
  const sessionId = sessionIdOf(sessionPaymentUrl);
  const rows = await database.db.select().from(testProviderEvents);
  return rows.filter((row) => JSON.stringify(row.body).includes(sessionId));
}

async function expireNow(orderId: string) {
  await database.db
    .update(orders)
    .set({ paymentDueAt: new Date(Date.now() - 1_000) })
    .where(eq(orders.id, orderId));
  return settleUnpaidOrder(database.db, testProvider(database.db), orderId);
}

describe("paying on the provider's page", () => {
  it("places an order awaiting payment with stock held, then the webhook makes it paid", async () => {
    const product = await insertProduct(database.db, { stock: 5, priceCents: 1200 });
    const buyer = await oneCustomer(database.db);
    const placed = await placeUnpaid(database.db, buyer, product.id, 2);
    expect(placed.order.status).toBe("awaiting_payment");
    expect(placed.order.subtotalCents).toBe(2400);
    expect(placed.paymentUrl).toMatch(/\/test-provider\/pay\/tps_[0-9a-f]{24}$/);
    expect(await stockOf(database.db, product.id)).toBe(3);

    await payPlacedOrder(database.db, placed.paymentUrl);
    const paid = await callerFor(database.db, buyer).orders.byId({ id: placed.order.id });
    expect(paid.status).toBe("paid");
    expect(paid.payments).toMatchObject([
      // 24.00 + 5.99 shipping + 7.25 % tax (2.17): what the buyer pays, shipping and tax included.
      { kind: "charge", status: "succeeded", amountCents: 3216, cardLast4: "4242" },
    ]);
    expect(paid.history.map((entry) => entry.toStatus)).toEqual(["awaiting_payment", "paid"]);
    const topics = await database.db.select({ topic: events.topic }).from(events).where(eq(events.ownerId, buyer.id));
    expect(topics.map((row) => row.topic)).toEqual(
      expect.arrayContaining(["order.created", "order.status", "order.paid"]),
    );
  });

  it("a replayed checkout key gets the same order and the same open payment page", async () => {
    const product = await insertProduct(database.db, { stock: 5 });
    const buyer = await oneCustomer(database.db);
    const caller = callerFor(database.db, buyer);
    await caller.cart.setItem({ productId: product.id, quantity: 1 });
    const idempotencyKey = randomUUID();
    const results = await Promise.all(Array.from({ length: 5 }, () => caller.checkout.placeOrder(checkoutWith(idempotencyKey))));
    expect(new Set(results.map((result) => result.order.id)).size).toBe(1);
    expect(new Set(results.map((result) => result.paymentUrl)).size).toBe(1);
  });

  it("after a decline the order keeps waiting, and paying again makes it paid", async () => {
    const product = await insertProduct(database.db, { stock: 5 });
    const buyer = await oneCustomer(database.db);
    const caller = callerFor(database.db, buyer);
    const placed = await placeUnpaid(database.db, buyer, product.id);
    await payPlacedOrder(database.db, placed.paymentUrl, "declined");
    const declined = await caller.orders.byId({ id: placed.order.id });
    expect(declined.status).toBe("awaiting_payment");
    expect(declined.payments).toMatchObject([{ kind: "charge", status: "failed", failureReason: "card_declined" }]);

    const again = await caller.orders.pay({ id: placed.order.id });
    expect(again.paymentUrl).not.toBe(placed.paymentUrl);
    await payPlacedOrder(database.db, again.paymentUrl);
    expect((await caller.orders.byId({ id: placed.order.id })).status).toBe("paid");
    await expect(caller.orders.pay({ id: placed.order.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("the extra confirmation step and the delayed card end paid", async () => {
    const product = await insertProduct(database.db, { stock: 5 });
    const buyer = await oneCustomer(database.db);
    const caller = callerFor(database.db, buyer);
    const first = await placeUnpaid(database.db, buyer, product.id);
    expect(await submitTestCard(database.db, first.paymentUrl, "authenticate")).toBe("authenticate");
    const { completeAuthentication, settleDelayed } = await import("./support/payments");
    expect(await completeAuthentication(database.db, sessionIdOf(first.paymentUrl), true)).toBe("paid");
    await deliverTestWebhooks(database.db);
    expect((await caller.orders.byId({ id: first.order.id })).status).toBe("paid");

    const second = await placeUnpaid(database.db, buyer, product.id);
    expect(await submitTestCard(database.db, second.paymentUrl, "delayed")).toBe("processing");
    await deliverTestWebhooks(database.db);
    expect((await caller.orders.byId({ id: second.order.id })).status).toBe("awaiting_payment");
    expect(await settleDelayed(database.db, sessionIdOf(second.paymentUrl))).toBe("paid");
    await deliverTestWebhooks(database.db);
    expect((await caller.orders.byId({ id: second.order.id })).status).toBe("paid");
  });
});

describe("webhooks in", () => {
  it("a second delivery of the same event is a 200 and changes nothing", async () => {
    const product = await insertProduct(database.db, { stock: 5 });
    const buyer = await oneCustomer(database.db);
    const placed = await placeUnpaid(database.db, buyer, product.id);
    await payPlacedOrder(database.db, placed.paymentUrl);
    const [event] = await lastEventsOf(placed.paymentUrl);
    if (!event) throw new Error("no event");
    const { body, headers } = await signedDelivery(database.db, event.id);
    const again = await receivePaymentWebhook(database.db, testProvider(database.db), body, headers);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true });
    const [charges] = await database.db
      .select({ n: count() })
      .from(payments)
      .where(and(eq(payments.orderId, placed.order.id), eq(payments.kind, "charge")));
    expect(charges?.n).toBe(1);
  });

  it("a bad signature, a tampered body or an old timestamp is a 400 and applies nothing", async () => {
    const product = await insertProduct(database.db, { stock: 5 });
    const buyer = await oneCustomer(database.db);
    const placed = await placeUnpaid(database.db, buyer, product.id);
    await submitTestCard(database.db, placed.paymentUrl, "approved");
    const [event] = await lastEventsOf(placed.paymentUrl);
    if (!event) throw new Error("no event");
    const { body } = await signedDelivery(database.db, event.id);
    const provider = testProvider(database.db);
    const attempts = [
      new Headers({ [SIGNATURE_HEADER]: `t=${Math.floor(Date.now() / 1000)},v1=${"0".repeat(64)}` }),
      new Headers(),
      new Headers({ [SIGNATURE_HEADER]: signWebhook(body, Math.floor(Date.now() / 1000) - 3_600) }),
    ];
    for (const headers of attempts) {
      expect((await receivePaymentWebhook(database.db, provider, body, headers)).status).toBe(400);
    }
    const tampered = body.replace(/"amount":\d+/, '"amount":1');
    const tamperedHeaders = new Headers({ [SIGNATURE_HEADER]: signWebhook(body) });
    expect((await receivePaymentWebhook(database.db, provider, tampered, tamperedHeaders)).status).toBe(400);
    const [stored] = await database.db
      .select({ n: count() })
      .from(paymentEvents)
      .where(eq(paymentEvents.eventId, event.id));
    expect(stored?.n).toBe(0);
    expect((await callerFor(database.db, buyer).orders.byId({ id: placed.order.id })).status).toBe("awaiting_payment");
  });

  it("a decline delivered after the payment changes nothing", async () => {
    const product = await insertProduct(database.db, { stock: 5 });
    const buyer = await oneCustomer(database.db);
    const placed = await placeUnpaid(database.db, buyer, product.id);
    const caller = callerFor(database.db, buyer);
    await submitTestCard(database.db, placed.paymentUrl, "declined");
    const again = await caller.orders.pay({ id: placed.order.id });
    await submitTestCard(database.db, again.paymentUrl, "approved");
    // Newest first: the payment lands, then the older decline.
    const pending = (await database.db.select().from(testProviderEvents)).filter((row) => row.deliveredAt === null);
    const ordered = [...pending].sort((a, b) =>
      a.type === "payment.succeeded" ? -1 : b.type === "payment.succeeded" ? 1 : 0,
    );
    for (const event of ordered) {
      const { body, headers } = await signedDelivery(database.db, event.id);
      await receivePaymentWebhook(database.db, testProvider(database.db), body, headers);
      await database.db
        .update(testProviderEvents)
        .set({ deliveredAt: new Date() })
        .where(eq(testProviderEvents.id, event.id));
    }
    const order = await caller.orders.byId({ id: placed.order.id });
    expect(order.status).toBe("paid");
  });

  it("money arriving after the order expired is refunded automatically and says so", async () => {
    const product = await insertProduct(database.db, { stock: 3 });
    const buyer = await oneCustomer(database.db);
    const placed = await placeUnpaid(database.db, buyer, product.id, 2);
    expect(await expireNow(placed.order.id)).toBe("expired");
    expect(await stockOf(database.db, product.id)).toBe(3);

    // The provider's page was still open: the shopper pays anyway.
    await payPlacedOrder(database.db, placed.paymentUrl);
    await settleRefunds(database.db);
    const order = await callerFor(database.db, buyer).orders.byId({ id: placed.order.id });
    expect(order.status).toBe("expired");
    expect(order.payments).toMatchObject([
      { kind: "charge", status: "succeeded" },
      { kind: "refund", status: "succeeded" },
    ]);
    expect(order.history.map((entry) => entry.note).join(" ")).toMatch(/refunded automatically/);
    expect(await stockOf(database.db, product.id)).toBe(3);
  });
});

describe("holds, reconciliation and refunds", () => {
  it("an unpaid order expires after its hold and the stock can be bought again", async () => {
    const product = await insertProduct(database.db, { stock: 1 });
    const buyer = await oneCustomer(database.db);
    const placed = await placeUnpaid(database.db, buyer, product.id);
    expect(await settleUnpaidOrder(database.db, testProvider(database.db), placed.order.id)).toBe(
      "still within its hold",
    );
    expect(await expireNow(placed.order.id)).toBe("expired");
    expect(await stockOf(database.db, product.id)).toBe(1);
    const again = await placeUnpaid(database.db, buyer, product.id);
    expect(again.order.status).toBe("awaiting_payment");
  });

  it("reconciliation settles a payment whose webhook never came", async () => {
    const product = await insertProduct(database.db, { stock: 2 });
    const buyer = await oneCustomer(database.db);
    const placed = await placeUnpaid(database.db, buyer, product.id);
    await submitTestCard(database.db, placed.paymentUrl, "approved");
    expect(await settleUnpaidOrder(database.db, testProvider(database.db), placed.order.id)).toBe(
      "paid on reconciliation",
    );
    // The late webhook then changes nothing.
    await deliverTestWebhooks(database.db);
    const order = await callerFor(database.db, buyer).orders.byId({ id: placed.order.id });
    expect(order.status).toBe("paid");
    expect(order.payments.filter((payment) => payment.kind === "charge")).toHaveLength(1);
  });

  it("cancelling a paid order refunds it through the provider, completing on its webhook", async () => {
    const product = await insertProduct(database.db, { stock: 2, priceCents: 900 });
    const buyer = await oneCustomer(database.db);
    const placed = await placeUnpaid(database.db, buyer, product.id);
    await payPlacedOrder(database.db, placed.paymentUrl);
    const caller = callerFor(database.db, buyer);
    const cancelled = await caller.orders.cancel({ id: placed.order.id });
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.payments.at(-1)).toMatchObject({ kind: "refund", status: "pending", amountCents: 1608 });
    await settleRefunds(database.db);
    const refunded = await caller.orders.byId({ id: placed.order.id });
    expect(refunded.payments.at(-1)).toMatchObject({ kind: "refund", status: "succeeded" });
    expect(await stockOf(database.db, product.id)).toBe(2);
  });
});

describe("when the provider cannot answer, and refunds that fail", () => {
  const unreachable = (db: typeof database.db) => ({
    ...testProvider(db),
    fetchStatus: () => Promise.reject(new Error("provider unreachable")),
  });

  it("past its hold an order expires even when the provider cannot say how the payment stands", async () => {
    const product = await insertProduct(database.db, { stock: 2 });
    const buyer = await oneCustomer(database.db);
    const placed = await placeUnpaid(database.db, buyer, product.id);
    await expect(settleUnpaidOrder(database.db, unreachable(database.db), placed.order.id)).rejects.toThrow(
      /unreachable/,
    );
    await database.db
      .update(orders)
      .set({ paymentDueAt: new Date(Date.now() - 1_000) })
      .where(eq(orders.id, placed.order.id));
    expect(await settleUnpaidOrder(database.db, unreachable(database.db), placed.order.id)).toBe("expired");
    expect(await stockOf(database.db, product.id)).toBe(2);
    await expect(callerFor(database.db, buyer).orders.pay({ id: placed.order.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("no new payment page opens once the hold is over", async () => {
    const product = await insertProduct(database.db, { stock: 2 });
    const buyer = await oneCustomer(database.db);
    const placed = await placeUnpaid(database.db, buyer, product.id);
    await payPlacedOrder(database.db, placed.paymentUrl, "declined");
    await database.db
      .update(orders)
      .set({ paymentDueAt: new Date(Date.now() - 1_000) })
      .where(eq(orders.id, placed.order.id));
    await expect(callerFor(database.db, buyer).orders.pay({ id: placed.order.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/time to pay this order is over/),
    });
  });

  it("a failed refund can be asked for again, and two reports of one refund settle it once", async () => {
    const product = await insertProduct(database.db, { stock: 2, priceCents: 700 });
    const buyer = await oneCustomer(database.db);
    const placed = await placeUnpaid(database.db, buyer, product.id);
    await payPlacedOrder(database.db, placed.paymentUrl);
    await callerFor(database.db, buyer).orders.cancel({ id: placed.order.id });
    const [refund] = await database.db
      .select({ id: payments.id })
      .from(payments)
      .where(and(eq(payments.orderId, placed.order.id), eq(payments.kind, "refund")));
    if (!refund) throw new Error("no refund");
    const { applyProviderEvent } = await import("@/server/domain/payments/apply-provider-event");
    const report = (id: string, type: "refund.failed" | "refund.succeeded") =>
      applyProviderEvent(database.db, "test", {
        id,
        occurredAt: new Date(),
        type,
        refundRequestId: refund.id,
        refundReference: `re_${id}`,
        reason: "bank refused",
      } as Parameters<typeof applyProviderEvent>[2]);
    const [first, second] = await Promise.all([
      report("evt_race_a", "refund.failed"),
      report("evt_race_b", "refund.failed"),
    ]);
    const outcomes = [first, second].map((result) => (result.duplicate ? "duplicate" : result.outcome)).sort();
    expect(outcomes).toEqual(["refund already settled", "refund failed"]);

    const { requestRefunds } = await import("@/server/domain/payments/request-refunds");
    const asked = await database.db.transaction((tx) => requestRefunds(tx, placed.order.id));
    expect(asked).toBe(1393);
    await settleRefunds(database.db);
    const order = await callerFor(database.db, buyer).orders.byId({ id: placed.order.id });
    expect(order.payments.filter((payment) => payment.kind === "refund").map((payment) => payment.status)).toEqual([
      "failed",
      "succeeded",
    ]);
  });
});
