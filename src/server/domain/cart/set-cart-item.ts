import { and, eq } from "drizzle-orm";
import type { SetCartItemInput } from "@/lib/contracts/cart";
import { cartItems, products } from "../../db/schema";
import type { Db } from "../../db/types";
import type { Actor } from "../actor";
import { DomainError } from "../errors";
import type { CartDto } from "@/lib/contracts/cart";
import { getCart } from "./get-cart";

/** Sets one line's quantity (0 removes it). Stock is checked here for comfort and again at checkout. */
export async function setCartItem(db: Db, actor: Actor, input: SetCartItemInput): Promise<CartDto> {
  if (input.quantity === 0) {
    await db.delete(cartItems).where(and(eq(cartItems.userId, actor.id), eq(cartItems.productId, input.productId)));
    return getCart(db, actor);
  }
  const [product] = await db
    .select({ name: products.name, stock: products.stock })
    .from(products)
    .where(and(eq(products.id, input.productId), eq(products.active, true)))
    .limit(1);
  if (!product) throw new DomainError("NOT_FOUND", "This product does not exist or is no longer sold.");
  if (input.quantity > product.stock) {
    const message =
      product.stock === 0
        ? `${product.name} is out of stock.`
        : `Only ${product.stock} of ${product.name} ${product.stock === 1 ? "is" : "are"} left.`;
    throw new DomainError("CONFLICT", message, { productIds: [input.productId], available: product.stock });
  }
  const now = new Date();
  await db
    .insert(cartItems)
    .values({ userId: actor.id, productId: input.productId, quantity: input.quantity })
    .onConflictDoUpdate({
      target: [cartItems.userId, cartItems.productId],
      set: { quantity: input.quantity, updatedAt: now },
    });
  return getCart(db, actor);
}
