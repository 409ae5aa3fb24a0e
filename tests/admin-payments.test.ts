import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/env";
import { auditLog, orders, payments, testProviderEvents, users } from "@/server/db/schema";
import type { Actor } from "@/server/domain/actor";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { callerFor, createCustomer, expectTrpcError } from "./support/callers";
import { payPlacedOrder, sessionIdOf, settleRefunds } from "./support/payments";
import { buyAs, placeUnpaid } from "./support/purchases";
import { insertProduct, stockOf } from "./support/shop-fixtures";

let database: TestDatabase;
let admin: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  const customer = await createCustomer(database.db, { name: "Payments Admin" });
  const [promoted] = await database.db
    .update(users)
    .set({ role: "admin" })
    .where(eq(users.id, customer.id))
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
  if (!promoted) throw new Error("no admin");
  admin = promoted;
});

afterAll(() => database.dispose());

const asAdmin = () => callerFor(database.db, admin).admin;

/** The test provider's events about one of its sessions, oldest first. */
async function providerEventsFor(paymentUrl: string | null) {
  const sessionId = sessionIdOf(paymentUrl);
  const rows = await database.db.select().from(testProviderEvents).orderBy(testProviderEvents.createdAt);
  return rows.filter((row) => JSON.stringify(row.body).includes(sessionId));
}

async function orderCancelledAudits(orderId: string) {
  return database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "order.cancelled"), eq(auditLog.targetId, orderId)));
}

async function paymentRows(orderId: string): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(payments).where(eq(payments.orderId, orderId));
  return row?.n ?? 0;
}

describe("admin.orders.byId", () => {
  it("shows a paid order's payment sessions and what the provider reported, to the store only", async () => {
    const product = await insertProduct(database.db, { stock: 5, priceCents: 2_000 });
    const buyer = await createCustomer(database.db);
    const placed = await placeUnpaid(database.db, buyer, product.id);
    await payPlacedOrder(database.db, placed.paymentUrl, "declined");
    const again = await callerFor(database.db, buyer).orders.pay({ id: placed.order.id });
    await payPlacedOrder(database.db, again.paymentUrl);
    const sent = [...(await providerEventsFor(placed.paymentUrl)), ...(await providerEventsFor(again.paymentUrl))];

    const detail = await asAdmin().orders.byId({ id: placed.order.id });
    expect(detail.order).toMatchObject({ id: placed.order.id, status: "paid", subtotalCents: 2_000 });
    expect(detail.customer).toEqual({ id: buyer.id, email: buyer.email, name: buyer.name });
    expect(detail.paymentSessions).toEqual([
      expect.objectContaining({
        provider: "test",
        sessionId: sessionIdOf(placed.paymentUrl),
        status: "failed",
        amountCents: 2_787,
      }),
      expect.objectContaining({ provider: "test", sessionId: sessionIdOf(again.paymentUrl), status: "paid" }),
    ]);
    expect(sent.map((event) => event.type)).toEqual(["payment.failed", "payment.succeeded"]);
    expect(detail.providerEvents).toEqual([
      expect.objectContaining({
        provider: "test",
        eventId: sent[0]?.id,
        type: "payment.failed",
        outcome: "payment declined",
      }),
      expect.objectContaining({
        provider: "test",
        eventId: sent[1]?.id,
        type: "payment.succeeded",
        outcome: "order paid",
      }),
    ]);
    expect(detail.order.payments).toEqual([
      expect.objectContaining({ kind: "charge", status: "failed", failureReason: "card_declined" }),
      expect.objectContaining({ kind: "charge", status: "succeeded", amountCents: 2_787 }),
    ]);

    await expectTrpcError(callerFor(database.db, buyer).admin.orders.byId({ id: placed.order.id }), "FORBIDDEN");
    await expectTrpcError(asAdmin().orders.byId({ id: randomUUID() }), "NOT_FOUND");
  });
});

describe("admin.orders.cancel", () => {
  it("cancels a paid order, audited with the reason, returns its stock and refunds it through the provider", async () => {
    const product = await insertProduct(database.db, { stock: 5, priceCents: 1_500 });
    const buyer = await createCustomer(database.db);
    const order = await buyAs(database.db, buyer, product.id, 2);
    expect(await stockOf(database.db, product.id)).toBe(3);
    const reason = "Damaged in the warehouse";

    const cancelled = await asAdmin().orders.cancel({ id: order.id, reason });
    expect(cancelled).toMatchObject({ id: order.id, status: "cancelled", customer: { id: buyer.id } });
    expect(await stockOf(database.db, product.id)).toBe(5);
    const audits = await orderCancelledAudits(order.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorId: admin.id,
      actorEmail: admin.email,
      targetType: "order",
      summary: { before: { status: "paid" }, after: { status: "cancelled" }, reason },
    });

    const customerView = callerFor(database.db, buyer).orders;
    const seen = await customerView.byId({ id: order.id });
    expect(seen.history.at(-1)).toMatchObject({
      fromStatus: "paid",
      toStatus: "cancelled",
      note: `Cancelled by the store (${reason}); a refund of $38.60 was requested`,
    });
    expect(seen.payments.at(-1)).toMatchObject({ kind: "refund", status: "pending", amountCents: 3_860 });

    await settleRefunds(database.db);
    const refunded = await customerView.byId({ id: order.id });
    expect(refunded.payments.map((payment) => [payment.kind, payment.status])).toEqual([
      ["charge", "succeeded"],
      ["refund", "succeeded"],
    ]);
    expect(await stockOf(database.db, product.id)).toBe(5);
  });

  it("cancels an order awaiting payment without a refund, and its payment page with it", async () => {
    const product = await insertProduct(database.db, { stock: 2 });
    const buyer = await createCustomer(database.db);
    const placed = await placeUnpaid(database.db, buyer, product.id);

    await asAdmin().orders.cancel({ id: placed.order.id, reason: "Customer asked by phone" });
    expect(await stockOf(database.db, product.id)).toBe(2);
    expect(await paymentRows(placed.order.id)).toBe(0);
    expect(await orderCancelledAudits(placed.order.id)).toHaveLength(1);
    await expectTrpcError(callerFor(database.db, buyer).orders.pay({ id: placed.order.id }), "CONFLICT");
  });

  it("refuses a shipped order with CONFLICT and changes nothing", async () => {
    const product = await insertProduct(database.db, { stock: 4 });
    const buyer = await createCustomer(database.db);
    const order = await buyAs(database.db, buyer, product.id);
    await asAdmin().orders.setStatus({ id: order.id, status: "shipped" });
    const before = {
      status: (await callerFor(database.db, buyer).orders.byId({ id: order.id })).status,
      stock: await stockOf(database.db, product.id),
      payments: await paymentRows(order.id),
    };

    await expectTrpcError(asAdmin().orders.cancel({ id: order.id, reason: "Too late" }), "CONFLICT");
    expect({
      status: (await callerFor(database.db, buyer).orders.byId({ id: order.id })).status,
      stock: await stockOf(database.db, product.id),
      payments: await paymentRows(order.id),
    }).toEqual(before);
    expect(before).toEqual({ status: "shipped", stock: 3, payments: 1 });
    expect(await orderCancelledAudits(order.id)).toEqual([]);
    await expectTrpcError(asAdmin().orders.cancel({ id: randomUUID(), reason: "None" }), "NOT_FOUND");
  });

  it("needs a reason and the store's permission", async () => {
    const product = await insertProduct(database.db, { stock: 4 });
    const buyer = await createCustomer(database.db);
    const order = await buyAs(database.db, buyer, product.id);
    await expectTrpcError(asAdmin().orders.cancel({ id: order.id, reason: "  " }), "BAD_REQUEST");
    await expectTrpcError(
      callerFor(database.db, buyer).admin.orders.cancel({ id: order.id, reason: "Changed my mind" }),
      "FORBIDDEN",
    );
    expect((await callerFor(database.db, buyer).orders.byId({ id: order.id })).status).toBe("paid");
  });
});

describe("admin.orders.list({ stuck: true })", () => {
  it("lists orders awaiting payment longer than a webhook takes, not fresh or paid ones", async () => {
    const product = await insertProduct(database.db, { stock: 10 });
    const buyer = await createCustomer(database.db);
    const stuck = await placeUnpaid(database.db, buyer, product.id);
    const fresh = await placeUnpaid(database.db, buyer, product.id);
    const paid = await buyAs(database.db, buyer, product.id);
    const longAgo = new Date(Date.now() - (env.PAYMENT_RECONCILE_SECONDS + 60) * 1_000);
    for (const id of [stuck.order.id, paid.id]) {
      await database.db.update(orders).set({ createdAt: longAgo }).where(eq(orders.id, id));
    }

    const listed = await asAdmin().orders.list({ stuck: true, limit: 100 });
    const ids = listed.items.map((order) => order.id);
    expect(ids).toContain(stuck.order.id);
    expect(ids).not.toContain(fresh.order.id);
    expect(ids).not.toContain(paid.id);
    expect(listed.items.every((order) => order.status === "awaiting_payment")).toBe(true);
    expect(listed.items.find((order) => order.id === stuck.order.id)?.customer.id).toBe(buyer.id);
    // Without the filter both show.
    const all = (await asAdmin().orders.list({ limit: 100 })).items.map((order) => order.id);
    expect(all).toEqual(expect.arrayContaining([stuck.order.id, fresh.order.id, paid.id]));
  });
});
