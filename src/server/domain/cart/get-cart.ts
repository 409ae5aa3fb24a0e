import { asc, eq } from "drizzle-orm";
import { cartItems, products } from "../../db/schema";
import type { DbOrTx } from "../../db/types";
import type { Actor } from "../actor";
import { productColumns, STORE_CURRENCY, toProductDto } from "../catalog/product-row";
import type { CartDto } from "@/lib/contracts/cart";

/** The actor's cart with current prices: the subtotal is always computed from the database. */
export async function getCart(db: DbOrTx, actor: Actor): Promise<CartDto> {
  const rows = await db
    .select({ product: productColumns, quantity: cartItems.quantity })
    .from(cartItems)
    .innerJoin(products, eq(products.id, cartItems.productId))
    .where(eq(cartItems.userId, actor.id))
    .orderBy(asc(cartItems.createdAt), asc(cartItems.productId));
  const items = rows.map((row) => ({ product: toProductDto(row.product), quantity: row.quantity }));
  const subtotalCents = items.reduce((sum, item) => sum + item.product.priceCents * item.quantity, 0);
  return { items, subtotalCents, currency: STORE_CURRENCY };
}
