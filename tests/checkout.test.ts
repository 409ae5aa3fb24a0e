import { randomUUID } from "node:crypto";
import { count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cartItems, events, orders, payments, products } from "@/server/db/schema";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { callerFor, expectTrpcError, httpCall, type HttpErrorBody } from "./support/callers";
import { APPROVED_CARD, DECLINED_CARD, insertCustomers, insertProduct, stockOf } from "./support/shop-fixtures";

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

describe("checkout.placeOrder", () => {
  it("never oversells: 50 buyers race for 10 units", async () => {
    const product = await insertProduct(database.db, { stock: 10 });
    const buyers = await insertCustomers(database.db, 50);
    for (const buyer of buyers)
      await callerFor(database.db, buyer).cart.setItem({ productId: product.id, quantity: 1 });

    const results = await Promise.allSettled(
      buyers.map((buyer) =>
        callerFor(database.db, buyer).checkout.placeOrder({ idempotencyKey: randomUUID(), payment: APPROVED_CARD }),
      ),
    );

    const fulfilled = results.filter((result) => result.status === "fulfilled");
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(fulfilled).toHaveLength(10);
    expect(rejected).toHaveLength(40);
    for (const loser of rejected) {
      expect(loser.reason).toMatchObject({ code: "CONFLICT" });
    }
    expect(await stockOf(database.db, product.id)).toBe(0);
    expect(await orderCount(buyers.map((buyer) => buyer.id))).toBe(10);
  });

  it("is idempotent: 20 concurrent calls with one key make one order and one payment", async () => {
    const product = await insertProduct(database.db, { stock: 100, priceCents: 1250 });
    const [buyer] = await insertCustomers(database.db, 1);
    if (!buyer) throw new Error("no buyer");
    const caller = callerFor(database.db, buyer);
    await caller.cart.setItem({ productId: product.id, quantity: 3 });
    const idempotencyKey = randomUUID();

    const placed = await Promise.all(
      Array.from({ length: 20 }, () => caller.checkout.placeOrder({ idempotencyKey, payment: APPROVED_CARD })),
    );

    const ids = new Set(placed.map((order) => order.id));
    expect(ids.size).toBe(1);
    const [orderId] = [...ids];
    expect(await orderCount([buyer.id])).toBe(1);
    const [paymentRows] = await database.db
      .select({ n: count() })
      .from(payments)
      .where(eq(payments.orderId, orderId ?? ""));
    expect(paymentRows?.n).toBe(1);
    expect(await stockOf(database.db, product.id)).toBe(97);

    // A later retry with the same key, cart now empty, is the same order again.
    const retried = await caller.checkout.placeOrder({ idempotencyKey, payment: APPROVED_CARD });
    expect(retried.id).toBe(orderId);
    expect(await stockOf(database.db, product.id)).toBe(97);
  });

  it("rejects the same key with a different cart as UNPROCESSABLE_CONTENT", async () => {
    const product = await insertProduct(database.db, { stock: 10 });
    const [buyer] = await insertCustomers(database.db, 1);
    if (!buyer) throw new Error("no buyer");
    const caller = callerFor(database.db, buyer);
    const idempotencyKey = randomUUID();
    await caller.cart.setItem({ productId: product.id, quantity: 1 });
    await caller.checkout.placeOrder({ idempotencyKey, payment: APPROVED_CARD });
    await caller.cart.setItem({ productId: product.id, quantity: 2 });

    await expectTrpcError(
      caller.checkout.placeOrder({ idempotencyKey, payment: APPROVED_CARD }),
      "UNPROCESSABLE_CONTENT",
    );
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
    const order = await caller.checkout.placeOrder({
      idempotencyKey: randomUUID(),
      payment: APPROVED_CARD,
      ...({ totalCents: 1 } as object),
    });
    expect(order.totalCents).toBe(2 * 1999 + 4500);
    expect(order.status).toBe("paid");
    expect(order.items).toEqual([
      expect.objectContaining({ productName: "Priced Lamp", unitPriceCents: 4500, quantity: 1, lineTotalCents: 4500 }),
      expect.objectContaining({ productName: "Priced Mug", unitPriceCents: 1999, quantity: 2, lineTotalCents: 3998 }),
    ]);
    expect(order.history.map((entry) => entry.toStatus)).toEqual(["pending", "paid"]);
    expect(order.payments).toEqual([expect.objectContaining({ kind: "charge", amountCents: 8498, cardLast4: "4242" })]);
    expect((await caller.cart.get()).items).toEqual([]);
  });

  it("charges the price at checkout time, not the price when the item was added", async () => {
    const product = await insertProduct(database.db, { stock: 5, priceCents: 1000 });
    const [buyer] = await insertCustomers(database.db, 1);
    if (!buyer) throw new Error("no buyer");
    const caller = callerFor(database.db, buyer);
    await caller.cart.setItem({ productId: product.id, quantity: 2 });
    await database.db.update(products).set({ priceCents: 1234 }).where(eq(products.id, product.id));
    expect((await caller.cart.get()).subtotalCents).toBe(2468);
    const order = await caller.checkout.placeOrder({ idempotencyKey: randomUUID(), payment: APPROVED_CARD });
    expect(order.totalCents).toBe(2468);
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
    // Someone else buys one of the scarce units after it went into our cart.
    await callerFor(database.db, rival).cart.setItem({ productId: scarce.id, quantity: 1 });
    await callerFor(database.db, rival).checkout.placeOrder({ idempotencyKey: randomUUID(), payment: APPROVED_CARD });

    const error = await expectTrpcError(
      caller.checkout.placeOrder({ idempotencyKey: randomUUID(), payment: APPROVED_CARD }),
      "CONFLICT",
    );
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
    await callerFor(database.db, rival).checkout.placeOrder({ idempotencyKey: randomUUID(), payment: APPROVED_CARD });
    const response = await httpCall(
      database.db,
      "checkout.placeOrder",
      { idempotencyKey: randomUUID(), payment: APPROVED_CARD },
      { method: "POST", actor: buyer },
    );
    expect(response.status).toBe(409);
    const body = (await response.json()) as HttpErrorBody;
    expect(body.error.data).toMatchObject({ code: "CONFLICT", httpStatus: 409, productIds: [scarce.id] });
  });

  it("leaves stock, cart and orders as they were when the card is declined", async () => {
    const product = await insertProduct(database.db, { stock: 5 });
    const [buyer] = await insertCustomers(database.db, 1);
    if (!buyer) throw new Error("no buyer");
    const caller = callerFor(database.db, buyer);
    await caller.cart.setItem({ productId: product.id, quantity: 2 });
    const eventsBefore = await database.db.select({ n: count() }).from(events);

    const error = await expectTrpcError(
      caller.checkout.placeOrder({ idempotencyKey: randomUUID(), payment: DECLINED_CARD }),
      "PAYMENT_REQUIRED",
    );
    expect(error.message).toMatch(/declined/);
    expect(await stockOf(database.db, product.id)).toBe(5);
    expect(await orderCount([buyer.id])).toBe(0);
    expect((await caller.cart.get()).items).toEqual([expect.objectContaining({ quantity: 2 })]);
    expect(await database.db.select({ n: count() }).from(events)).toEqual(eventsBefore);
  });

  it("rejects a card number that fails the Luhn check with BAD_REQUEST on the field", async () => {
    const [buyer] = await insertCustomers(database.db, 1);
    const response = await httpCall(
      database.db,
      "checkout.placeOrder",
      { idempotencyKey: randomUUID(), payment: { cardNumber: "4242424242424241" } },
      { method: "POST", actor: buyer },
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as HttpErrorBody;
    expect(body.error.data.issues).toEqual([
      { path: "payment.cardNumber", message: "This card number is not valid; check the digits" },
    ]);
  });

  it("refuses an empty cart", async () => {
    const [buyer] = await insertCustomers(database.db, 1);
    if (!buyer) throw new Error("no buyer");
    await expectTrpcError(
      callerFor(database.db, buyer).checkout.placeOrder({ idempotencyKey: randomUUID(), payment: APPROVED_CARD }),
      "BAD_REQUEST",
    );
  });

  it("stores only the card's last four digits and writes the outbox events", async () => {
    const product = await insertProduct(database.db, { stock: 3 });
    const [buyer] = await insertCustomers(database.db, 1);
    if (!buyer) throw new Error("no buyer");
    const caller = callerFor(database.db, buyer);
    await caller.cart.setItem({ productId: product.id, quantity: 1 });
    const order = await caller.checkout.placeOrder({ idempotencyKey: randomUUID(), payment: APPROVED_CARD });

    const paymentRows = await database.db.select().from(payments).where(eq(payments.orderId, order.id));
    expect(JSON.stringify(paymentRows)).not.toContain("4242424242424242");
    expect(paymentRows[0]?.cardLast4).toBe("4242");

    const outbox = await database.db
      .select({ topic: events.topic, ownerId: events.ownerId, payload: events.payload })
      .from(events);
    expect(outbox).toEqual(
      expect.arrayContaining([
        { topic: "order.created", ownerId: buyer.id, payload: { orderId: order.id, totalCents: order.totalCents } },
        { topic: "order.status", ownerId: buyer.id, payload: { orderId: order.id, status: "paid" } },
        { topic: "stock.changed", ownerId: null, payload: { productId: product.id, stock: 2 } },
      ]),
    );
  });

  it.each([
    ["a non-uuid idempotency key", { idempotencyKey: "abc", payment: APPROVED_CARD }, "idempotencyKey"],
    [
      "a 10 MB card number",
      { idempotencyKey: randomUUID(), payment: { cardNumber: "4".repeat(10_000_000) } },
      "payment.cardNumber",
    ],
    ["no payment", { idempotencyKey: randomUUID() }, "payment"],
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
