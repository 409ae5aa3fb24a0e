import { releaseDiscount } from "../discounts/redeem-discount";
import { and, eq } from "drizzle-orm";
import { formatMoney } from "@/lib/money";
import { cancellableStatuses, orderStatusLabels } from "@/lib/order-status";
import { paymentSessions } from "../../db/schema";
import type { Db, Tx } from "../../db/types";
import { publishEvents } from "../../events/publish";
import type { Actor } from "../actor";
import { DomainError } from "../errors";
import { requestRefunds } from "../payments/request-refunds";
import { changeOrderStatus } from "./change-status";
import { getOwnOrder } from "./get-order";
import { lockOrder, type LockedOrder } from "./lock-order";
import { returnStock } from "./return-stock";
import type { OrderDto } from "@/lib/contracts/orders";

/**
 * Cancels a locked order awaiting payment or paid: stock goes back, open
 * payment pages are closed on our side (money that still arrives is refunded),
 * and every settled charge is refunded through the provider, completing on
 * its webhook. Everything in the caller's transaction.
 */
export async function cancelLockedOrder(
  tx: Tx,
  order: LockedOrder,
  by: { actorId: string; who: string },
): Promise<void> {
  if (!cancellableStatuses.includes(order.status)) {
    throw new DomainError(
      "CONFLICT",
      `This order is ${orderStatusLabels[order.status].toLowerCase()} and can no longer be cancelled.`,
      { status: order.status },
    );
  }
  // Code before stock: checkout takes the code's lock before the products', so no deadlock.
  await releaseDiscount(tx, order.id);
  const stock = await returnStock(tx, order.id);
  await tx
    .update(paymentSessions)
    .set({ status: "expired", updatedAt: new Date() })
    .where(and(eq(paymentSessions.orderId, order.id), eq(paymentSessions.status, "open")));
  const refundCents = await requestRefunds(tx, order.id);
  const cancelled = await changeOrderStatus(tx, order, "cancelled", {
    actorId: by.actorId,
    note:
      refundCents > 0
        ? `Cancelled by ${by.who}; a refund of ${formatMoney(refundCents, order.currency)} was requested`
        : `Cancelled by ${by.who}`,
  });
  await publishEvents(tx, [cancelled, ...stock]);
}

/** The owner cancels their order; someone else's is NOT_FOUND. Two cancels in a race: the loser gets CONFLICT. */
export async function cancelOwnOrder(db: Db, actor: Actor, orderId: string): Promise<OrderDto> {
  await db.transaction(async (tx) => {
    const order = await lockOrder(tx, orderId, actor.id);
    if (!order) throw new DomainError("NOT_FOUND", "We could not find that order.");
    await cancelLockedOrder(tx, order, { actorId: actor.id, who: "the customer" });
  });
  return getOwnOrder(db, actor, orderId);
}
