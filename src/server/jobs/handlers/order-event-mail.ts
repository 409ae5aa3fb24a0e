import { and, eq, ne, sql, sum } from "drizzle-orm";
import { isShippingMethod } from "@/lib/shop/shipping-methods";
import { orderItems, orders, payments, users } from "../../db/schema";
import type { Db } from "../../db/types";
import { shopLink } from "../../mail/links";
import type { Mail, OrderSummary } from "../../queue/mail-kinds";
import { sendMail } from "../../mail/send-mail";
import { unsubscribeToken } from "../../mail/unsubscribe-token";
import type { JobData } from "../../queue/job-data";

async function orderSummary(db: Db, orderId: string) {
  const [order] = await db
    .select({
      id: orders.id,
      subtotalCents: sql<number>`coalesce(${orders.subtotalCents}, ${orders.totalCents})`.mapWith(Number),
      discountCents: orders.discountCents,
      discountCode: orders.discountCode,
      shippingCents: orders.shippingCents,
      shippingMethod: orders.shippingMethod,
      taxCents: orders.taxCents,
      taxMode: orders.taxMode,
      totalCents: orders.totalCents,
      shippingAddress: orders.shippingAddress,
      createdAt: orders.createdAt,
      userId: orders.userId,
      email: users.email,
      name: users.name,
      orderUpdateMail: users.orderUpdateMail,
      deletedAt: users.deletedAt,
    })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.userId))
    .where(eq(orders.id, orderId));
  if (!order) return null;
  const lines = await db
    .select({ name: orderItems.productName, quantity: orderItems.quantity, unitPriceCents: orderItems.unitPriceCents })
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .orderBy(orderItems.productName);
  const summary: OrderSummary = {
    id: order.id,
    lines,
    subtotalCents: order.subtotalCents,
    discountCents: order.discountCents,
    discountCode: order.discountCode,
    shippingCents: order.shippingCents,
    shippingMethod: isShippingMethod(order.shippingMethod) ? order.shippingMethod : null,
    taxCents: order.taxCents,
    taxMode: order.taxMode,
    totalCents: order.totalCents,
    shipTo: order.shippingAddress,
    placedAt: order.createdAt.toISOString(),
  };
  return { order, summary };
}

async function refundedCents(db: Db, orderId: string): Promise<number> {
  const [row] = await db
    .select({ total: sum(payments.amountCents) })
    .from(payments)
    // Refunds complete on the provider's webhook, usually after this mail: pending ones count.
    .where(and(eq(payments.orderId, orderId), eq(payments.kind, "refund"), ne(payments.status, "failed")));
  return Number(row?.total ?? 0);
}

/**
 * Mails the customer about one order event (placed, shipped, delivered,
 * cancelled). The event id names the mail, so however often this job runs the
 * customer gets one mail per event. The job carries what happened, so it needs
 * no outbox row (those are pruned). Deleted accounts get nothing; shipped and
 * delivered notices respect the customer's choice to turn them off.
 */
export async function mailOrderEvent(
  db: Db,
  { eventId, orderId, happened }: JobData<"mail.order-event">,
): Promise<string> {
  const found = await orderSummary(db, orderId);
  if (!found || found.order.deletedAt) return "skipped";
  const { order, summary } = found;
  const recipient = { to: order.email, name: order.name };
  const orderUrl = shopLink(`/orders/${order.id}`);
  let mail: Mail;
  if (happened === "placed") {
    mail = { kind: "order-placed", ...recipient, order: summary, orderUrl };
  } else if (happened === "expired") {
    mail = { kind: "order-expired", ...recipient, order: summary, shopUrl: shopLink("/") };
  } else if (happened === "cancelled") {
    const refundCents = await refundedCents(db, order.id);
    mail = { kind: "order-cancelled", ...recipient, order: summary, orderUrl, refundCents };
  } else {
    if (!order.orderUpdateMail) return "unsubscribed";
    const unsubscribeUrl = shopLink("/api/mail/unsubscribe", { token: unsubscribeToken(order.userId) });
    const kind = happened === "shipped" ? "order-shipped" : "order-delivered";
    mail = { kind, ...recipient, order: summary, orderUrl, unsubscribeUrl };
  }
  return sendMail(db, { messageKey: `order-event-${eventId}`, mail });
}
