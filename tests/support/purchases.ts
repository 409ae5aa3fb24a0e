import { checkoutWith } from "./shipping";
import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db/types";
import type { Actor } from "@/server/domain/actor";
import { callerFor } from "./callers";
import { payPlacedOrder } from "./payments";
import { insertCustomers } from "./shop-fixtures";

/** One new customer, inserted directly (no password hashing). */
export async function oneCustomer(db: Db): Promise<Actor> {
  const [actor] = await insertCustomers(db, 1);
  if (!actor) throw new Error("no customer");
  return actor;
}

/** The actor puts `quantity` of the product in their cart, checks out and pays with the approved test card. */
export async function buyAs(db: Db, actor: Actor, productId: string, quantity = 1) {
  const caller = callerFor(db, actor);
  await caller.cart.setItem({ productId, quantity });
  const placed = await caller.checkout.placeOrder(checkoutWith(randomUUID()));
  await payPlacedOrder(db, placed.paymentUrl);
  return caller.orders.byId({ id: placed.order.id });
}

/** Places an order that stays awaiting payment (stock held, nothing paid). */
export async function placeUnpaid(db: Db, actor: Actor, productId: string, quantity = 1) {
  const caller = callerFor(db, actor);
  await caller.cart.setItem({ productId, quantity });
  return caller.checkout.placeOrder(checkoutWith(randomUUID()));
}
