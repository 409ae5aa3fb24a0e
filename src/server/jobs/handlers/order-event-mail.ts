import { and, eq, sum } from "drizzle-orm";
import { events, orderItems, orders, payments, users } from "../../db/schema";
import type { Db } from "../../db/types";
import { parseStoredEvent } from "../../events/topics";
import { logger } from "../../observability/logger";
import { shopLink } from "../../mail/links";
import type { Mail, OrderSummary } from "../../queue/mail-kinds";
import { sendMail } from "../../mail/send-mail";
import { unsubscribeToken } from "../../mail/unsubscribe-token";
import type { JobData } from "../../queue/job-data";

async function orderSummary(db: Db, orderId: string) {
  const [order] = await db
    .select({
      id: orders.id,
      totalCents: orders.totalCents,
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
    totalCents: order.totalCents,
    placedAt: order.createdAt.toISOString(),
  };
  return { order, summary };
}

async function refundedCents(db: Db, orderId: string): Promise<number> {
  const [row] = await db
    .select({ total: sum(payments.amountCents) })
    .from(payments)
    .where(and(eq(payments.orderId, orderId), eq(payments.kind, "refund"), eq(payments.status, "succeeded")));
  return Number(row?.total ?? 0);
}

/**
 * Mails the customer about one order event (placed, shipped, delivered,
 * cancelled). The event id names the mail, so however often this job runs the
 * customer gets one mail per event. Deleted accounts get nothing; shipped and
 * delivered notices respect the customer's choice to turn them off.
 */
export async function mailOrderEvent(db: Db, { eventId }: JobData<"mail.order-event">): Promise<string> {
  const [row] = await db.select().from(events).where(eq(events.id, eventId));
  const event = row ? parseStoredEvent(row) : null;
  if (!event || (event.topic !== "order.created" && event.topic !== "order.status")) {
    logger.warn({ eventId }, "order mail skipped: its event is gone or not an order event");
    return "skipped";
  }
  const found = await orderSummary(db, event.payload.orderId);
  if (!found || found.order.deletedAt) return "skipped";
  const { order, summary } = found;
  const recipient = { to: order.email, name: order.name };
  const orderUrl = shopLink(`/orders/${order.id}`);
  const unsubscribeUrl = shopLink("/api/mail/unsubscribe", { token: unsubscribeToken(order.userId) });
  let mail: Mail;
  if (event.topic === "order.created") {
    mail = { kind: "order-placed", ...recipient, order: summary, orderUrl };
  } else if (event.payload.status === "cancelled") {
    mail = {
      kind: "order-cancelled",
      ...recipient,
      order: summary,
      orderUrl,
      refundCents: await refundedCents(db, order.id),
    };
  } else if (event.payload.status === "shipped" || event.payload.status === "delivered") {
    if (!order.orderUpdateMail) return "unsubscribed";
    const kind = event.payload.status === "shipped" ? "order-shipped" : "order-delivered";
    mail = { kind, ...recipient, order: summary, orderUrl, unsubscribeUrl };
  } else {
    return "skipped";
  }
  return sendMail(db, { messageKey: `order-event-${eventId}`, mail });
}
