import { and, eq, sql } from "drizzle-orm";
import { cancellableStatuses, orderStatusLabels } from "@/lib/order-status";
import { orderItems, orders, orderStatusHistory, payments, products } from "../../db/schema";
import type { Db } from "../../db/types";
import type { Actor } from "../actor";
import { DomainError } from "../errors";
import { publishEvents } from "../../events/publish";
import type { NewEvent } from "../../events/topics";
import type { PaymentProvider } from "../payments/payment-provider";
import { getOwnOrder } from "./get-order";
import type { OrderDto } from "@/lib/contracts/orders";

/**
 * The owner cancels a pending or paid order: stock goes back, the charge is
 * refunded and recorded. The order row is locked first, so two cancels in a
 * race return stock once and the loser gets CONFLICT.
 */
export async function cancelOwnOrder(
  db: Db,
  actor: Actor,
  orderId: string,
  dependencies: { payments: PaymentProvider },
): Promise<OrderDto> {
  await db.transaction(async (tx) => {
    const [order] = await tx
      .select({ id: orders.id, status: orders.status, currency: orders.currency })
      .from(orders)
      .where(and(eq(orders.id, orderId), eq(orders.userId, actor.id)))
      .for("update");
    if (!order) throw new DomainError("NOT_FOUND", "We could not find that order.");
    if (!cancellableStatuses.includes(order.status)) {
      throw new DomainError(
        "CONFLICT",
        `This order is ${orderStatusLabels[order.status].toLowerCase()} and can no longer be cancelled.`,
        { status: order.status },
      );
    }

    const lines = await tx
      .select({ productId: orderItems.productId, quantity: orderItems.quantity })
      .from(orderItems)
      .where(eq(orderItems.orderId, order.id))
      .orderBy(orderItems.productId);
    const stockEvents: NewEvent[] = [];
    for (const line of lines) {
      const [restocked] = await tx
        .update(products)
        .set({ stock: sql`${products.stock} + ${line.quantity}` })
        .where(eq(products.id, line.productId))
        .returning({ stock: products.stock });
      if (restocked)
        stockEvents.push({ topic: "stock.changed", payload: { productId: line.productId, stock: restocked.stock } });
    }

    const charges = await tx
      .select({ reference: payments.reference, amountCents: payments.amountCents, cardLast4: payments.cardLast4 })
      .from(payments)
      .where(and(eq(payments.orderId, order.id), eq(payments.kind, "charge"), eq(payments.status, "succeeded")));
    for (const charge of charges) {
      const refund = await dependencies.payments.refund({
        chargeReference: charge.reference,
        amountCents: charge.amountCents,
        currency: order.currency,
      });
      await tx.insert(payments).values({
        orderId: order.id,
        kind: "refund",
        status: "succeeded",
        provider: dependencies.payments.name,
        amountCents: charge.amountCents,
        currency: order.currency,
        reference: refund.reference,
        cardLast4: charge.cardLast4,
      });
    }

    await tx.update(orders).set({ status: "cancelled", updatedAt: new Date() }).where(eq(orders.id, order.id));
    await tx.insert(orderStatusHistory).values({
      orderId: order.id,
      fromStatus: order.status,
      toStatus: "cancelled",
      actorId: actor.id,
      note: charges.length > 0 ? "Cancelled by the customer; payment refunded" : "Cancelled by the customer",
    });
    await publishEvents(tx, [
      { topic: "order.status", payload: { orderId: order.id, status: "cancelled" }, ownerId: actor.id },
      ...stockEvents,
    ]);
  });
  return getOwnOrder(db, actor, orderId);
}
