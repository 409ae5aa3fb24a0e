import { and, eq } from "drizzle-orm";
import type { OrderStatus } from "@/lib/order-status";
import { orders } from "../../db/schema";
import type { Tx } from "../../db/types";

export interface LockedOrder {
  id: string;
  userId: string;
  status: OrderStatus;
  totalCents: number;
  currency: string;
  paymentDueAt: Date | null;
}

/**
 * Reads an order FOR UPDATE: every change to an order's status or money takes
 * this lock first, so a webhook, an expiry and a cancel never interleave.
 * With `ownerId`, another customer's order is not found.
 */
export async function lockOrder(tx: Tx, orderId: string, ownerId?: string): Promise<LockedOrder | undefined> {
  const [order] = await tx
    .select({
      id: orders.id,
      userId: orders.userId,
      status: orders.status,
      totalCents: orders.totalCents,
      currency: orders.currency,
      paymentDueAt: orders.paymentDueAt,
    })
    .from(orders)
    .where(ownerId ? and(eq(orders.id, orderId), eq(orders.userId, ownerId)) : eq(orders.id, orderId))
    .for("update");
  return order;
}
