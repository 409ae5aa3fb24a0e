import { eq } from "drizzle-orm";
import type { OrderStatus } from "@/lib/order-status";
import { orders, orderStatusHistory } from "../../db/schema";
import type { Tx } from "../../db/types";
import type { NewEvent } from "../../events/topics";
import type { LockedOrder } from "./lock-order";

interface Change {
  /** Who did it; null when the provider or the clock did. */
  actorId: string | null;
  note: string;
}

/** Moves a locked order to `to`, writes its history line, and returns the event to publish. */
export async function changeOrderStatus(
  tx: Tx,
  order: LockedOrder,
  to: OrderStatus,
  change: Change,
): Promise<NewEvent> {
  await tx
    .update(orders)
    .set({ status: to, updatedAt: new Date(), ...(to === "awaiting_payment" ? {} : { paymentDueAt: null }) })
    .where(eq(orders.id, order.id));
  await tx.insert(orderStatusHistory).values({
    orderId: order.id,
    fromStatus: order.status,
    toStatus: to,
    actorId: change.actorId,
    note: change.note,
  });
  return { topic: "order.status", payload: { orderId: order.id, status: to }, ownerId: order.userId };
}

/** A history line for something that happened to the order without moving it (a decline, a refund). */
export async function noteOnOrder(tx: Tx, order: LockedOrder, note: string): Promise<void> {
  await tx.insert(orderStatusHistory).values({
    orderId: order.id,
    fromStatus: order.status,
    toStatus: order.status,
    actorId: null,
    note,
  });
}
