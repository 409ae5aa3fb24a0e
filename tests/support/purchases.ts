import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db/types";
import type { Actor } from "@/server/domain/actor";
import { callerFor } from "./callers";
import { APPROVED_CARD, insertCustomers } from "./shop-fixtures";

/** One new customer, inserted directly (no password hashing). */
export async function oneCustomer(db: Db): Promise<Actor> {
  const [actor] = await insertCustomers(db, 1);
  if (!actor) throw new Error("no customer");
  return actor;
}

/** The actor puts `quantity` of the product in their cart and checks out with the approved test card. */
export async function buyAs(db: Db, actor: Actor, productId: string, quantity = 1) {
  const caller = callerFor(db, actor);
  await caller.cart.setItem({ productId, quantity });
  return caller.checkout.placeOrder({ idempotencyKey: randomUUID(), payment: APPROVED_CARD });
}
