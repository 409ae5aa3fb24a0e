import { checkoutWith } from "./support/shipping";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { orders, payments } from "@/server/db/schema";
import type { Actor } from "@/server/domain/actor";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { callerFor, expectTrpcError, httpCall, type HttpErrorBody } from "./support/callers";
import { settleRefunds } from "./support/payments";
import { buyAs, placeUnpaid } from "./support/purchases";
import { insertCustomers, insertProduct, stockOf } from "./support/shop-fixtures";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(() => database.dispose());

async function buyer(): Promise<Actor> {
  const [actor] = await insertCustomers(database.db, 1);
  if (!actor) throw new Error("no buyer");
  return actor;
}

/** A paid order of `quantity` units of a new product. */
async function paidOrderFor(actor: Actor, quantity = 2, stock = 10) {
  const product = await insertProduct(database.db, { stock });
  const order = await buyAs(database.db, actor, product.id, quantity);
  return { product, order, caller: callerFor(database.db, actor) };
}

describe("cart", () => {
  it("adds, changes and removes lines, with a subtotal from current prices", async () => {
    const mug = await insertProduct(database.db, { stock: 10, priceCents: 1500 });
    const lamp = await insertProduct(database.db, { stock: 10, priceCents: 3000 });
    const caller = callerFor(database.db, await buyer());
    await caller.cart.setItem({ productId: mug.id, quantity: 2 });
    let cart = await caller.cart.setItem({ productId: lamp.id, quantity: 1 });
    expect(cart.subtotalCents).toBe(6000);
    cart = await caller.cart.setItem({ productId: mug.id, quantity: 5 });
    expect(cart.items.find((item) => item.product.id === mug.id)?.quantity).toBe(5);
    cart = await caller.cart.setItem({ productId: mug.id, quantity: 0 });
    expect(cart.items.map((item) => item.product.id)).toEqual([lamp.id]);
    cart = await caller.cart.clear();
    expect(cart).toEqual({ items: [], subtotalCents: 0, currency: "USD" });
  });

  it("is CONFLICT when the quantity exceeds stock, and keeps the line as it was", async () => {
    const scarce = await insertProduct(database.db, { stock: 2 });
    const caller = callerFor(database.db, await buyer());
    await caller.cart.setItem({ productId: scarce.id, quantity: 1 });
    const error = await expectTrpcError(caller.cart.setItem({ productId: scarce.id, quantity: 3 }), "CONFLICT");
    expect(error.message).toBe(`Only 2 of ${scarce.name} are left.`);
    expect((await caller.cart.get()).items[0]?.quantity).toBe(1);
  });

  it("is NOT_FOUND for an unknown product", async () => {
    await expectTrpcError(
      callerFor(database.db, await buyer()).cart.setItem({ productId: randomUUID(), quantity: 1 }),
      "NOT_FOUND",
    );
  });

  it.each([
    [{ productId: "x", quantity: 1 }, "productId"],
    [{ productId: randomUUID(), quantity: -1 }, "quantity"],
    [{ productId: randomUUID(), quantity: 100 }, "quantity"],
    [{ productId: randomUUID(), quantity: 1.5 }, "quantity"],
  ])("rejects %j with BAD_REQUEST naming %s", async (input, field) => {
    const actor = await buyer();
    const response = await httpCall(database.db, "cart.setItem", input, { method: "POST", actor });
    expect(response.status).toBe(400);
    const body = (await response.json()) as HttpErrorBody;
    expect(body.error.data.issues?.map((issue) => issue.path)).toEqual([field]);
    expect((await callerFor(database.db, actor).cart.get()).items).toEqual([]);
  });

  it("belongs to one customer only", async () => {
    const product = await insertProduct(database.db, { stock: 10 });
    const alice = callerFor(database.db, await buyer());
    const bob = callerFor(database.db, await buyer());
    await alice.cart.setItem({ productId: product.id, quantity: 3 });
    expect((await bob.cart.get()).items).toEqual([]);
    await bob.cart.clear();
    expect((await alice.cart.get()).items).toHaveLength(1);
  });
});

describe("access", () => {
  it("everything in the shopping flow is UNAUTHORIZED without a session", async () => {
    const anonymous = callerFor(database.db, null);
    await expectTrpcError(anonymous.cart.get(), "UNAUTHORIZED");
    await expectTrpcError(anonymous.cart.setItem({ productId: randomUUID(), quantity: 1 }), "UNAUTHORIZED");
    await expectTrpcError(anonymous.cart.clear(), "UNAUTHORIZED");
    await expectTrpcError(anonymous.checkout.placeOrder(checkoutWith(randomUUID())), "UNAUTHORIZED");
    await expectTrpcError(anonymous.orders.list({}), "UNAUTHORIZED");
    await expectTrpcError(anonymous.orders.byId({ id: randomUUID() }), "UNAUTHORIZED");
    await expectTrpcError(anonymous.orders.cancel({ id: randomUUID() }), "UNAUTHORIZED");
    await expectTrpcError(anonymous.orders.pay({ id: randomUUID() }), "UNAUTHORIZED");
    const response = await httpCall(database.db, "cart.get", undefined);
    expect(response.status).toBe(401);
  });

  it("someone else's order is NOT_FOUND to read, to cancel and to pay, and stays unchanged", async () => {
    const { order, product } = await paidOrderFor(await buyer());
    const stranger = callerFor(database.db, await buyer());
    await expectTrpcError(stranger.orders.byId({ id: order.id }), "NOT_FOUND");
    await expectTrpcError(stranger.orders.cancel({ id: order.id }), "NOT_FOUND");
    await expectTrpcError(stranger.orders.pay({ id: order.id }), "NOT_FOUND");
    const [row] = await database.db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.id));
    expect(row?.status).toBe("paid");
    expect(await stockOf(database.db, product.id)).toBe(8);
    expect((await stranger.orders.list({})).items).toEqual([]);
  });
});

describe("orders", () => {
  it("cancelling returns stock exactly once and asks for the refund, which the provider then completes", async () => {
    const { order, product, caller } = await paidOrderFor(await buyer(), 3, 5);
    expect(await stockOf(database.db, product.id)).toBe(2);

    const cancelled = await caller.orders.cancel({ id: order.id });
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.history.map((entry) => entry.toStatus)).toEqual(["awaiting_payment", "paid", "cancelled"]);
    expect(cancelled.history.at(-1)?.note).toBe("Cancelled by the customer; a refund of $38.60 was requested");
    expect(cancelled.payments).toEqual([
      // 30.00 + 5.99 shipping + 7.25 % tax of 35.99 (2.61).
      expect.objectContaining({ kind: "charge", status: "succeeded", amountCents: 3860 }),
      expect.objectContaining({ kind: "refund", status: "pending", amountCents: 3860 }),
    ]);
    expect(await stockOf(database.db, product.id)).toBe(5);
    await settleRefunds(database.db);
    const refunded = await caller.orders.byId({ id: order.id });
    expect(refunded.payments.map((payment) => [payment.kind, payment.status])).toEqual([
      ["charge", "succeeded"],
      ["refund", "succeeded"],
    ]);

    const error = await expectTrpcError(caller.orders.cancel({ id: order.id }), "CONFLICT");
    expect(error.message).toMatch(/cancelled and can no longer be cancelled/);
    expect(await stockOf(database.db, product.id)).toBe(5);
  });

  it("two cancels in a race return the stock once and ask for one refund", async () => {
    const { order, product, caller } = await paidOrderFor(await buyer(), 2, 4);
    const results = await Promise.allSettled([
      caller.orders.cancel({ id: order.id }),
      caller.orders.cancel({ id: order.id }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await stockOf(database.db, product.id)).toBe(4);
    const [refunds] = await database.db
      .select({ n: count() })
      .from(payments)
      .where(and(eq(payments.orderId, order.id), eq(payments.kind, "refund")));
    expect(refunds?.n).toBe(1);
  });

  it("cancelling an order awaiting payment returns its stock, refunds nothing and leaves nothing to pay", async () => {
    const actor = await buyer();
    const product = await insertProduct(database.db, { stock: 4 });
    const { order } = await placeUnpaid(database.db, actor, product.id, 3);
    expect(await stockOf(database.db, product.id)).toBe(1);
    const caller = callerFor(database.db, actor);

    const cancelled = await caller.orders.cancel({ id: order.id });
    expect(cancelled).toMatchObject({ status: "cancelled", payments: [], paymentDueAt: null });
    expect(cancelled.history.at(-1)).toMatchObject({
      fromStatus: "awaiting_payment",
      toStatus: "cancelled",
      note: "Cancelled by the customer",
    });
    expect(await stockOf(database.db, product.id)).toBe(4);
    await expectTrpcError(caller.orders.pay({ id: order.id }), "CONFLICT");
  });

  it("an order that has shipped cannot be cancelled", async () => {
    const { order, caller } = await paidOrderFor(await buyer());
    await database.db.update(orders).set({ status: "shipped" }).where(eq(orders.id, order.id));
    await expectTrpcError(caller.orders.cancel({ id: order.id }), "CONFLICT");
  });

  it("lists the customer's own orders newest first, page by page, filtered by status", async () => {
    const actor = await buyer();
    const placed = [];
    for (let index = 0; index < 5; index++) placed.push((await paidOrderFor(actor, 1)).order);
    const caller = callerFor(database.db, actor);
    await caller.orders.cancel({ id: placed[0]?.id ?? "" });

    const first = await caller.orders.list({ limit: 2 });
    const second = await caller.orders.list({ limit: 2, cursor: first.nextCursor ?? undefined });
    const third = await caller.orders.list({ limit: 2, cursor: second.nextCursor ?? undefined });
    expect(third.nextCursor).toBeNull();
    const listed = [...first.items, ...second.items, ...third.items].map((order) => order.id);
    expect(listed).toEqual(placed.map((order) => order.id).reverse());
    expect(first.items[0]).toMatchObject({ status: "paid", itemCount: 1, currency: "USD" });

    const cancelled = await caller.orders.list({ status: "cancelled" });
    expect(cancelled.items.map((order) => order.id)).toEqual([placed[0]?.id]);
  });

  it("rejects a malformed order id with BAD_REQUEST", async () => {
    await expectTrpcError(callerFor(database.db, await buyer()).orders.byId({ id: "42" }), "BAD_REQUEST");
  });
});
