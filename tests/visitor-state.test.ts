import { checkoutWith } from "./support/shipping";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visitorState } from "@/server/auth/visitor-state";
import { orders, users } from "@/server/db/schema";
import { endSession } from "@/server/domain/sessions/sessions";
import { callerFor, createCustomer } from "./support/callers";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { sessionCookieFor } from "./support/sessions";
import { payPlacedOrder } from "./support/payments";
import { insertProduct } from "./support/shop-fixtures";

// The digest the page cache serves a signed-in visitor's copies by (server/document-cache.ts):
// it must change with everything their pages show of them, and only for them.
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(() => database.dispose());

async function shopper() {
  const actor = await createCustomer(database.db);
  const { sessionId } = await sessionCookieFor(database.db, actor.id);
  const state = () => visitorState(database.db, sessionId);
  return { actor, sessionId, state, caller: callerFor(database.db, actor) };
}

describe("a signed-in visitor's state", () => {
  it("stays the same while nothing of theirs changes, and differs between visitors", async () => {
    const one = await shopper();
    const other = await shopper();
    const first = await one.state();
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(await one.state()).toBe(first);
    expect(await other.state()).not.toBe(first);
  });

  it("changes with every change to their cart: a line added, a quantity, a line gone", async () => {
    const { caller, state } = await shopper();
    const [mug, lamp] = [
      await insertProduct(database.db, { stock: 9 }),
      await insertProduct(database.db, { stock: 9 }),
    ];
    const seen = new Set([await state()]);
    await caller.cart.setItem({ productId: mug.id, quantity: 1 });
    seen.add(await state());
    await caller.cart.setItem({ productId: mug.id, quantity: 2 });
    seen.add(await state());
    await caller.cart.setItem({ productId: lamp.id, quantity: 2 });
    seen.add(await state());
    await caller.cart.setItem({ productId: mug.id, quantity: 0 });
    seen.add(await state());
    expect(seen.size).toBe(5);
  });

  it("changes when they place an order, when it is paid and when its status changes", async () => {
    const { caller, state, actor } = await shopper();
    const product = await insertProduct(database.db, { stock: 9 });
    await caller.cart.setItem({ productId: product.id, quantity: 1 });
    const withCart = await state();
    const { order, paymentUrl } = await caller.checkout.placeOrder(checkoutWith(randomUUID()));
    const placed = await state();
    expect(placed).not.toBe(withCart);
    // The provider's webhook, not the shopper's own request, makes it paid: their pages must still change.
    await payPlacedOrder(database.db, paymentUrl);
    const paid = await state();
    expect(paid).not.toBe(placed);
    await database.db.update(orders).set({ status: "shipped" }).where(eq(orders.id, order.id));
    expect(await state()).not.toBe(paid);
    // Someone else's order is not theirs to see, paid or not.
    const other = await shopper();
    await other.caller.cart.setItem({ productId: product.id, quantity: 1 });
    const before = await state();
    const theirs = await other.caller.checkout.placeOrder(checkoutWith(randomUUID()));
    await payPlacedOrder(database.db, theirs.paymentUrl);
    expect(await state()).toBe(before);
    expect(actor.id).not.toBe(other.actor.id);
  });

  it("changes with their name and role, and is null once the session or the account ends", async () => {
    const { actor, sessionId, state } = await shopper();
    const before = await state();
    await database.db.update(users).set({ name: "Renamed" }).where(eq(users.id, actor.id));
    const renamed = await state();
    expect(renamed).not.toBe(before);
    await database.db.update(users).set({ role: "admin" }).where(eq(users.id, actor.id));
    expect(await state()).not.toBe(renamed);
    await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, actor.id));
    expect(await state()).toBeNull();
    await database.db.update(users).set({ disabledAt: null }).where(eq(users.id, actor.id));
    await endSession(database.db, sessionId);
    expect(await state()).toBeNull();
    expect(await visitorState(database.db, "no-such-session-id-at-all")).toBeNull();
  });
});
