import { and, asc, eq, sql } from "drizzle-orm";
import { orderItems, orders, orderStatusHistory, payments } from "../../db/schema";
import type { DbOrTx } from "../../db/types";
import type { Actor } from "../actor";
import { DomainError } from "../errors";
import type { OrderDto } from "@/lib/contracts/orders";
import { isShippingMethod } from "@/lib/shop/shipping-methods";
import { orderColumns } from "./order-columns";

/** The actor's own order. Someone else's is NOT_FOUND, exactly like one that does not exist. */
export function getOwnOrder(db: DbOrTx, actor: Actor, orderId: string): Promise<OrderDto> {
  return readOrder(db, orderId, actor.id);
}

/** An order with its lines, history and payments; with `ownerId`, only that customer's. */
export async function readOrder(db: DbOrTx, orderId: string, ownerId: string | null): Promise<OrderDto> {
  const [order] = await db
    .select({
      ...orderColumns,
      updatedAt: orders.updatedAt,
      paymentDueAt: orders.paymentDueAt,
      subtotalCents: sql<number>`coalesce(${orders.subtotalCents}, ${orders.totalCents})`.mapWith(Number),
      discountCents: orders.discountCents,
      shippingCents: orders.shippingCents,
      taxCents: orders.taxCents,
      taxMode: orders.taxMode,
      discountCode: orders.discountCode,
      shippingMethod: orders.shippingMethod,
      shippingAddress: orders.shippingAddress,
    })
    .from(orders)
    .where(ownerId ? and(eq(orders.id, orderId), eq(orders.userId, ownerId)) : eq(orders.id, orderId))
    .limit(1);
  if (!order) throw new DomainError("NOT_FOUND", "We could not find that order.");

  const [items, history, moneyMovements] = await Promise.all([
    db
      .select({
        productId: orderItems.productId,
        productName: orderItems.productName,
        productSlug: orderItems.productSlug,
        unitPriceCents: orderItems.unitPriceCents,
        quantity: orderItems.quantity,
      })
      .from(orderItems)
      .where(eq(orderItems.orderId, order.id))
      .orderBy(asc(orderItems.productName)),
    db
      .select({
        fromStatus: orderStatusHistory.fromStatus,
        toStatus: orderStatusHistory.toStatus,
        note: orderStatusHistory.note,
        createdAt: orderStatusHistory.createdAt,
      })
      .from(orderStatusHistory)
      .where(eq(orderStatusHistory.orderId, order.id))
      .orderBy(asc(orderStatusHistory.id)),
    db
      .select({
        kind: payments.kind,
        status: payments.status,
        amountCents: payments.amountCents,
        cardLast4: payments.cardLast4,
        failureReason: payments.failureReason,
        createdAt: payments.createdAt,
      })
      .from(payments)
      .where(eq(payments.orderId, order.id))
      .orderBy(asc(payments.createdAt)),
  ]);

  return {
    ...order,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
    paymentDueAt: order.paymentDueAt?.toISOString() ?? null,
    shippingMethod: isShippingMethod(order.shippingMethod) ? order.shippingMethod : null,
    itemCount: items.reduce((sum, item) => sum + item.quantity, 0),
    items: items.map((item) => ({ ...item, lineTotalCents: item.unitPriceCents * item.quantity })),
    history: history.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() })),
    payments: moneyMovements.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() })),
  };
}
