import { eq } from "drizzle-orm";
import { cartItems } from "../../db/schema";
import type { Db } from "../../db/types";
import type { Actor } from "../actor";
import type { CartDto } from "@/lib/contracts/cart";
import { getCart } from "./get-cart";

export async function clearCart(db: Db, actor: Actor): Promise<CartDto> {
  await db.delete(cartItems).where(eq(cartItems.userId, actor.id));
  return getCart(db, actor);
}
