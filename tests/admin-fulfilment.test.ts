import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders, users } from "@/server/db/schema";
import type { Actor } from "@/server/domain/actor";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { callerFor, createCustomer } from "./support/callers";
import { checkoutWith, shipTo } from "./support/shipping";
import { insertProduct } from "./support/shop-fixtures";

let database: TestDatabase;
let admin: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  const customer = await createCustomer(database.db, { name: "Fulfilment Admin" });
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

async function placeOrder(extra: Parameters<typeof checkoutWith>[1] = {}) {
  const buyer = await createCustomer(database.db);
  const product = await insertProduct(database.db, { stock: 5, priceCents: 2_500 });
  const caller = callerFor(database.db, buyer);
  await caller.cart.setItem({ productId: product.id, quantity: 2 });
  return (await caller.checkout.placeOrder(checkoutWith(randomUUID(), extra))).order;
}

describe("the fulfilment queue (admin.orders.list)", () => {
  it("shows where each order ships and how", async () => {
    const express = await placeOrder({
      shippingMethod: "express",
      shippingAddress: {
        ...shipTo.shippingAddress,
        name: "Ada Express",
        city: "Berlin",
        country: "DE",
        postalCode: "10115",
      },
    });
    const standard = await placeOrder();
    const { items } = await asAdmin().orders.list({ limit: 25 });
    expect(items.find((item) => item.id === express.id)).toMatchObject({
      shipTo: { name: "Ada Express", city: "Berlin", country: "DE" },
      shippingMethod: "express",
    });
    expect(items.find((item) => item.id === standard.id)).toMatchObject({
      shipTo: { name: "Robin Buyer", city: "San Francisco", country: "US" },
      shippingMethod: "standard",
    });
    const { recentOrders } = await asAdmin().dashboard();
    expect(recentOrders.find((item) => item.id === standard.id)?.shipTo?.city).toBe("San Francisco");
  });

  it("marks orders placed before addresses existed: no address, no method", async () => {
    const placed = await placeOrder();
    await database.db
      .update(orders)
      .set({ shippingAddress: null, shippingMethod: null })
      .where(eq(orders.id, placed.id));
    const listed = (await asAdmin().orders.list({ limit: 25 })).items.find((item) => item.id === placed.id);
    expect(listed).toMatchObject({ shipTo: null, shippingMethod: null });
    const { order } = await asAdmin().orders.byId({ id: placed.id });
    expect(order).toMatchObject({ shippingAddress: null, shippingMethod: null });
  });
});

describe("one order for the store (admin.orders.byId)", () => {
  it("has the full address copied at checkout and the total's lines", async () => {
    const placed = await placeOrder();
    const { order } = await asAdmin().orders.byId({ id: placed.id });
    expect(order.shippingAddress).toEqual(shipTo.shippingAddress);
    expect(order.shippingMethod).toBe("standard");
    expect(order.subtotalCents).toBe(5_000);
    const added = order.taxMode === "exclusive" ? order.taxCents : 0;
    expect(order.subtotalCents - order.discountCents + order.shippingCents + added).toBe(order.totalCents);
    expect(order.items).toEqual([expect.objectContaining({ quantity: 2, lineTotalCents: 5_000 })]);
  });
});
