import { checkoutWith, shipTo } from "./support/shipping";
import { randomUUID } from "node:crypto";
import { count, desc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cartItems, events, orders, payments, paymentSessions, products } from "@/server/db/schema";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { callerFor, expectTrpcError, httpCall, type HttpErrorBody } from "./support/callers";
import { payPlacedOrder } from "./support/payments";
import { insertCustomers, insertProduct, stockOf } from "./support/shop-fixtures";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(() => database.dispose());

async function orderCount(userIds?: string[]): Promise<number> {
  const query = database.db.select({ n: count() }).from(orders);
  const [row] = userIds ? await query.where(inArray(orders.userId, userIds)) : await query;
  return row?.n ?? 0;
}

async function rowsOf(table: typeof payments | typeof paymentSessions, orderId: string): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(table).where(eq(table.orderId, orderId));
  return row?.n ?? 0;
}

describe("checkout.placeOrder", () => {
  it("never oversells: 50 buyers race for 10 units, and 10 orders hold them awaiting payment", async () => {
    const product = await insertProduct(database.db, { stock: 10 });
    const buyers = await insertCustomers(database.db, 50);
    for (const buyer of buyers)
      await callerFor(database.db, buyer).cart.setItem({ productId: product.id, quantity: 1 });

    const results = await Promise.allSettled(
      buyers.map((buyer) => callerFor(database.db, buyer).checkout.placeOrder(checkoutWith(randomUUID()))),
    );

    const fulfilled = results.filter((result) => result.status === "fulfilled");
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(fulfilled).toHaveLength(10);
    for (const winner of fulfilled) {
      expect(winner.value.order.status).toBe("awaiting_payment");
      expect(winner.value.paymentUrl).toBeTruthy();
    }
    expect(rejected).toHaveLength(40);
    for (const loser of rejected) {
      expect(loser.reason).toMatchObject({ code: "CONFLICT" });
    }
    expect(await stockOf(database.db, product.id)).toBe(0);
    expect(await orderCount(buyers.map((buyer) => buyer.id))).toBe(10);
  });

  it("is idempotent: 20 concurrent calls with one key make one order and one payment page", async () => {
    const product = await insertProduct(database.db, { stock: 100, priceCents: 1250 });
    const [buyer] = await insertCustomers(database.db, 1);
    if (!buyer) throw new Error("no buyer");
    const caller = callerFor(database.db, buyer);
    await caller.cart.setItem({ productId: product.id, quantity: 3 });
    const idempotencyKey = randomUUID();

    const placed = await Promise.all(Array.from({ length: 20 }, () => caller.checkout.placeOrder(checkoutWith(idempotencyKey))));

    const ids = new Set(placed.map((result) => result.order.id));
    expect(ids.size).toBe(1);
    const [orderId = ""] = [...ids];
    expect(new Set(placed.map((result) => result.paymentUrl)).size).toBe(1);
    expect(await orderCount([buyer.id])).toBe(1);
    expect(await rowsOf(paymentSessions, orderId)).toBe(1);
    expect(await rowsOf(payments, orderId)).toBe(0);
    expect(await stockOf(database.db, product.id)).toBe(97);

    // A later retry with the same key, cart now empty, is the same order and the same page again.
    const retried = await caller.checkout.placeOrder(checkoutWith(idempotencyKey));
    expect(retried.order.id).toBe(orderId);
    expect(retried.paymentUrl).toBe(placed[0]?.paymentUrl);
    expect(await stockOf(database.db, product.id)).toBe(97);

    // Once paid, the key still names that order, with nothing left to pay and nothing charged twice.
    await payPlacedOrder(database.db, retried.paymentUrl);
    const afterPayment = await caller.checkout.placeOrder(checkoutWith(idempotencyKey));
    expect(afterPayment).toMatchObject({ order: { id: orderId, status: "paid" }, paymentUrl: null });
    expect(await rowsOf(payments, orderId)).toBe(1);
    expect(await stockOf(database.db, product.id)).toBe(97);
  });

  it("rejects the same key asking for another address, method or code, and ships nothing the old way", async () => {
    const product = await insertProduct(database.db, { stock: 10 });
    const [buyer] = await insertCustomers(database.db, 1);
    if (!buyer) throw new Error("no buyer");
    const caller = callerFor(database.db, buyer);
    const idempotencyKey = randomUUID();
    await caller.cart.setItem({ productId: product.id, quantity: 1 });
    const placed = await caller.checkout.placeOrder(checkoutWith(idempotencyKey));
    const elsewhere = { ...shipTo.shippingAddress, city: "Oakland", postalCode: "94607" };
    for (const changed of [{ shippingAddress: elsewhere }, { shippingMethod: "express" as const }, { discountCode: "X" }]) {
      const error = await expectTrpcError(
        caller.checkout.placeOrder(checkoutWith(idempotencyKey, changed)),
        "UNPROCESSABLE_CONTENT",
      );
      expect(error.message).toMatch(/another address, shipping method or code/);
    }
    // The same request with the postal code typed in lower case and spaces around the name is the same.
    const again = await caller.checkout.placeOrder(
      checkoutWith(idempotencyKey, { shippingAddress: { ...shipTo.shippingAddress, name: ` ${shipTo.shippingAddress.name} ` } }),
    );
    expect(again.order.id).toBe(placed.order.id);
    expect(await orderCount([buyer.id])).toBe(1);
  });

  it("rejects the same key with a different cart as UNPROCESSABLE_CONTENT", async () => {
    const product = await insertProduct(database.db, { stock: 10 });
    const [buyer] = await insertCustomers(database.db, 1);
    if (!buyer) throw new Error("no buyer");
    const caller = callerFor(database.db, buyer);
    const idempotencyKey = randomUUID();
    await caller.cart.setItem({ productId: product.id, quantity: 1 });
    await caller.checkout.placeOrder(checkoutWith(idempotencyKey));
    await caller.cart.setItem({ productId: product.id, quantity: 2 });

    await expectTrpcError(caller.checkout.placeOrder(checkoutWith(idempotencyKey)), "UNPROCESSABLE_CONTENT");
    expect(await orderCount([buyer.id])).toBe(1);
    expect(await stockOf(database.db, product.id)).toBe(9);
  });

  it("takes prices from the database and copies them into the order", async () => {
    const mug = await insertProduct(database.db, { stock: 5, priceCents: 1999, name: "Priced Mug" });
    const lamp = await insertProduct(database.db, { stock: 5, priceCents: 4500, name: "Priced Lamp" });
    const [buyer] = await insertCustomers(database.db, 1);
    if (!buyer) throw new Error("no buyer");
    const caller = callerFor(database.db, buyer);
    await caller.cart.setItem({ productId: mug.id, quantity: 2 });
    await caller.cart.setItem({ productId: lamp.id, quantity: 1 });
    // Extra fields a client might send are not part of the input and change nothing.
    const { order, paymentUrl } = await caller.checkout.placeOrder({
      ...checkoutWith(randomUUID()),
      ...({ totalCents: 1 } as object),
    });
    // 84.98 reaches the US free-shipping threshold (50.00); tax 7.25 % of 84.98 = 6.161… → 6.16.
    expect(order).toMatchObject({ subtotalCents: 8498, shippingCents: 0, taxCents: 616, totalCents: 9114 });
    expect(order.status).toBe("awaiting_payment");
    expect(order.items).toEqual([
      expect.objectContaining({ productName: "Priced Lamp", unitPriceCents: 4500, quantity: 1, lineTotalCents: 4500 }),
      expect.objectContaining({ productName: "Priced Mug", unitPriceCents: 1999, quantity: 2, lineTotalCents: 3998 }),
    ]);
    expect(order.payments).toEqual([]);
    expect((await caller.cart.get()).items).toEqual([]);

    // The provider is asked for the order's total, and that is what it charges.
    await payPlacedOrder(database.db, paymentUrl);
    const paid = await caller.orders.byId({ id: order.id });
    expect(paid.history.map((entry) => entry.toStatus)).toEqual(["awaiting_payment", "paid"]);
    expect(paid.payments).toEqual([
      expect.objectContaining({ kind: "charge", status: "succeeded", amountCents: 9114, cardLast4: "4242" }),
    ]);
  });

  it("charges the price at checkout time, not the price when the item was added", async () => {
    const product = await insertProduct(database.db, { stock: 5, priceCents: 1000 });
    const [buyer] = await insertCustomers(database.db, 1);
    if (!buyer) throw new Error("no buyer");
    const caller = callerFor(database.db, buyer);
    await caller.cart.setItem({ productId: product.id, quantity: 2 });
    await database.db.update(products).set({ priceCents: 1234 }).where(eq(products.id, product.id));
    expect((await caller.cart.get()).subtotalCents).toBe(2468);
    const { order } = await caller.checkout.placeOrder(checkoutWith(randomUUID()));
    // Shipping 5.99 (under the threshold); tax 7.25 % of 30.67 = 2.2235… → 2.22.
    expect(order).toMatchObject({ subtotalCents: 2468, shippingCents: 599, taxCents: 222, totalCents: 3289 });
    expect(order.items[0]?.unitPriceCents).toBe(1234);
  });

  it("is all or nothing: one short line changes no stock and creates no order", async () => {
    const plenty = await insertProduct(database.db, { stock: 10 });
    const scarce = await insertProduct(database.db, { stock: 2 });
    const [buyer, rival] = await insertCustomers(database.db, 2);
    if (!buyer || !rival) throw new Error("no buyers");
    const caller = callerFor(database.db, buyer);
    await caller.cart.setItem({ productId: plenty.id, quantity: 4 });
    await caller.cart.setItem({ productId: scarce.id, quantity: 2 });
    // Someone else's order holds one of the scarce units (paid or not) after it went into our cart.
    await callerFor(database.db, rival).cart.setItem({ productId: scarce.id, quantity: 1 });
    await callerFor(database.db, rival).checkout.placeOrder(checkoutWith(randomUUID()));

    const error = await expectTrpcError(caller.checkout.placeOrder(checkoutWith(randomUUID())), "CONFLICT");
    expect(error.cause).toMatchObject({ details: { productIds: [scarce.id] } });
    expect(await stockOf(database.db, plenty.id)).toBe(10);
    expect(await stockOf(database.db, scarce.id)).toBe(1);
    expect(await orderCount([buyer.id])).toBe(0);
    expect((await caller.cart.get()).items).toHaveLength(2);
  });

  it("names the short products in the HTTP error's data", async () => {
    const scarce = await insertProduct(database.db, { stock: 1 });
    const [buyer, rival] = await insertCustomers(database.db, 2);
    if (!buyer || !rival) throw new Error("no buyers");
    await callerFor(database.db, buyer).cart.setItem({ productId: scarce.id, quantity: 1 });
    await callerFor(database.db, rival).cart.setItem({ productId: scarce.id, quantity: 1 });
    await callerFor(database.db, rival).checkout.placeOrder(checkoutWith(randomUUID()));
    const response = await httpCall(
      database.db,
      "checkout.placeOrder",
      checkoutWith(randomUUID()),
      { method: "POST", actor: buyer },
    );
    expect(response.status).toBe(409);
    const body = (await response.json()) as HttpErrorBody;
    expect(body.error.data).toMatchObject({ code: "CONFLICT", httpStatus: 409, productIds: [scarce.id] });
  });

  it("after a decline on the provider's page, keeps the order awaiting payment with its stock held", async () => {
    const product = await insertProduct(database.db, { stock: 5 });
    const [buyer] = await insertCustomers(database.db, 1);
    if (!buyer) throw new Error("no buyer");
    const caller = callerFor(database.db, buyer);
    await caller.cart.setItem({ productId: product.id, quantity: 2 });
    const placed = await caller.checkout.placeOrder(checkoutWith(randomUUID()));

    await payPlacedOrder(database.db, placed.paymentUrl, "declined");
    const declined = await caller.orders.byId({ id: placed.order.id });
    expect(declined.status).toBe("awaiting_payment");
    expect(declined.paymentDueAt).toBe(placed.order.paymentDueAt);
    expect(declined.payments).toEqual([
      expect.objectContaining({ kind: "charge", status: "failed", failureReason: "card_declined" }),
    ]);
    // Nothing goes back: the stock stays held for this order, the cart stays empty, no second order appears.
    expect(await stockOf(database.db, product.id)).toBe(3);
    expect((await caller.cart.get()).items).toEqual([]);
    expect(await orderCount([buyer.id])).toBe(1);
    const outbox = await database.db
      .select({ topic: events.topic, payload: events.payload })
      .from(events)
      .where(eq(events.ownerId, buyer.id))
      .orderBy(events.id);
    expect(outbox).toEqual([
      { topic: "order.created", payload: { orderId: placed.order.id, totalCents: placed.order.totalCents } },
      {
        topic: "order.payment",
        payload: { orderId: placed.order.id, status: "awaiting_payment", payment: "declined" },
      },
    ]);

    // The declined page is closed; paying again opens a new one for the same order.
    const again = await caller.orders.pay({ id: placed.order.id });
    expect(again.paymentUrl).not.toBe(placed.paymentUrl);
    expect(await rowsOf(paymentSessions, placed.order.id)).toBe(2);
    expect(await orderCount([buyer.id])).toBe(1);
  });

  it("refuses an empty cart", async () => {
    const [buyer] = await insertCustomers(database.db, 1);
    if (!buyer) throw new Error("no buyer");
    await expectTrpcError(
      callerFor(database.db, buyer).checkout.placeOrder(checkoutWith(randomUUID())),
      "BAD_REQUEST",
    );
  });

  it("writes the order's outbox events, then its payment's, keeping only the card's last four digits", async () => {
    const product = await insertProduct(database.db, { stock: 3 });
    const [buyer] = await insertCustomers(database.db, 1);
    if (!buyer) throw new Error("no buyer");
    const caller = callerFor(database.db, buyer);
    await caller.cart.setItem({ productId: product.id, quantity: 1 });
    const { order, paymentUrl } = await caller.checkout.placeOrder(checkoutWith(randomUUID()));
    const outboxOf = () =>
      database.db
        .select({ topic: events.topic, ownerId: events.ownerId, payload: events.payload })
        .from(events)
        .where(eq(events.ownerId, buyer.id))
        .orderBy(events.id);

    expect(await outboxOf()).toEqual([
      { topic: "order.created", ownerId: buyer.id, payload: { orderId: order.id, totalCents: order.totalCents } },
    ]);
    const [stock] = await database.db
      .select({ payload: events.payload })
      .from(events)
      .where(eq(events.topic, "stock.changed"))
      .orderBy(desc(events.id))
      .limit(1);
    expect(stock?.payload).toEqual({ productId: product.id, stock: 2 });

    // Nothing says paid before the provider does.
    await payPlacedOrder(database.db, paymentUrl);
    expect(await outboxOf()).toEqual([
      { topic: "order.created", ownerId: buyer.id, payload: { orderId: order.id, totalCents: order.totalCents } },
      { topic: "order.status", ownerId: buyer.id, payload: { orderId: order.id, status: "paid" } },
      {
        topic: "order.paid",
        ownerId: buyer.id,
        payload: { orderId: order.id, amountCents: order.totalCents, currency: order.currency },
      },
    ]);
    const paymentRows = await database.db.select().from(payments).where(eq(payments.orderId, order.id));
    expect(JSON.stringify(paymentRows)).not.toContain("4242424242424242");
    expect(paymentRows.map((row) => row.cardLast4)).toEqual(["4242"]);
  });

  it.each([
    ["a non-uuid idempotency key", { idempotencyKey: "abc" }, "idempotencyKey"],
    ["a 10 MB idempotency key", { idempotencyKey: "4".repeat(10_000_000) }, "idempotencyKey"],
    ["no idempotency key", {}, "idempotencyKey"],
  ])("rejects %s with BAD_REQUEST and changes nothing", async (_label, input, field) => {
    const product = await insertProduct(database.db, { stock: 4 });
    const [buyer] = await insertCustomers(database.db, 1);
    if (!buyer) throw new Error("no buyer");
    const caller = callerFor(database.db, buyer);
    await caller.cart.setItem({ productId: product.id, quantity: 1 });
    const error = await expectTrpcError(caller.checkout.placeOrder(input as never), "BAD_REQUEST");
    expect(error.message).toBeTruthy();
    expect(await stockOf(database.db, product.id)).toBe(4);
    expect(await orderCount([buyer.id])).toBe(0);
    const response = await httpCall(database.db, "checkout.placeOrder", input, { method: "POST", actor: buyer });
    expect([400, 413]).toContain(response.status);
    if (response.status === 400) {
      const body = (await response.json()) as HttpErrorBody;
      expect(body.error.data.issues?.map((issue) => issue.path)).toContain(field);
    }
    const [cartRows] = await database.db.select({ n: count() }).from(cartItems).where(eq(cartItems.userId, buyer.id));
    expect(cartRows?.n).toBe(1);
  });
});
