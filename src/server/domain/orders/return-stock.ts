import { eq, sql } from "drizzle-orm";
import { orderItems, products } from "../../db/schema";
import type { Tx } from "../../db/types";
import type { NewEvent } from "../../events/topics";

/** Puts an order's quantities back on the shelf (product ids in order, as checkout locks them). */
export async function returnStock(tx: Tx, orderId: string): Promise<NewEvent[]> {
  const lines = await tx
    .select({ productId: orderItems.productId, quantity: orderItems.quantity })
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .orderBy(orderItems.productId);
  const events: NewEvent[] = [];
  for (const line of lines) {
    const [restocked] = await tx
      .update(products)
      .set({ stock: sql`${products.stock} + ${line.quantity}` })
      .where(eq(products.id, line.productId))
      .returning({ stock: products.stock });
    if (restocked)
      events.push({ topic: "stock.changed", payload: { productId: line.productId, stock: restocked.stock } });
  }
  return events;
}
