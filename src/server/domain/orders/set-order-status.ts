import { eq } from "drizzle-orm";
import type { AdminOrderSummaryDto } from "@/lib/contracts/admin";
import { orderStatusLabels, type OrderStatus } from "@/lib/order-status";
import { orders, orderStatusHistory } from "../../db/schema";
import type { Db } from "../../db/types";
import { publishEvents } from "../../events/publish";
import { recordAudit, type AuditContext } from "../audit/record-audit";
import { DomainError } from "../errors";
import { listAllOrders } from "./list-all-orders";

/** The only moves fulfilment may make. */
const nextStatus: Partial<Record<OrderStatus, OrderStatus>> = { paid: "shipped", shipped: "delivered" };

/**
 * Moves an order along fulfilment (paid → shipped → delivered), with a history
 * line, an audit row and a live event for its customer, all in one transaction.
 * Any other move is CONFLICT and changes nothing.
 */
export async function setOrderStatus(
  db: Db,
  audit: AuditContext,
  input: { id: string; status: "shipped" | "delivered" },
): Promise<AdminOrderSummaryDto> {
  await db.transaction(async (tx) => {
    const [order] = await tx
      .select({ id: orders.id, status: orders.status, userId: orders.userId })
      .from(orders)
      .where(eq(orders.id, input.id))
      .for("update");
    if (!order) throw new DomainError("NOT_FOUND", "We could not find that order.");
    if (nextStatus[order.status] !== input.status) {
      throw new DomainError(
        "CONFLICT",
        `An order that is ${orderStatusLabels[order.status].toLowerCase()} cannot become ${input.status}.`,
        { status: order.status },
      );
    }
    await tx.update(orders).set({ status: input.status, updatedAt: new Date() }).where(eq(orders.id, order.id));
    await tx.insert(orderStatusHistory).values({
      orderId: order.id,
      fromStatus: order.status,
      toStatus: input.status,
      actorId: audit.actor.id,
      note: input.status === "shipped" ? "Shipped by the store" : "Delivered",
    });
    await recordAudit(tx, audit, {
      action: "order.status_changed",
      target: { type: "order", id: order.id },
      summary: { before: { status: order.status }, after: { status: input.status } },
    });
    await publishEvents(tx, [
      { topic: "order.status", payload: { orderId: order.id, status: input.status }, ownerId: order.userId },
    ]);
  });
  const { items } = await listAllOrders(db, { limit: 1, orderId: input.id });
  const [updated] = items;
  if (!updated) throw new DomainError("NOT_FOUND", "We could not find that order.");
  return updated;
}
