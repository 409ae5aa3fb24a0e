import type { AdminOrderSummaryDto } from "@/lib/contracts/admin";
import type { Db } from "../../db/types";
import { recordAudit, type AuditContext } from "../audit/record-audit";
import { DomainError } from "../errors";
import { cancelLockedOrder } from "./cancel-order";
import { listAllOrders } from "./list-all-orders";
import { lockOrder } from "./lock-order";

/**
 * The store cancels an order awaiting payment or paid: stock back, any payment
 * refunded through the provider (completing on its webhook), audited with the
 * reason, all in one transaction. Shipped orders are CONFLICT.
 */
export async function adminCancelOrder(
  db: Db,
  audit: AuditContext,
  input: { id: string; reason: string },
): Promise<AdminOrderSummaryDto> {
  await db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.id);
    if (!order) throw new DomainError("NOT_FOUND", "We could not find that order.");
    await cancelLockedOrder(tx, order, { actorId: audit.actor.id, who: `the store (${input.reason})` });
    await recordAudit(tx, audit, {
      action: "order.cancelled",
      target: { type: "order", id: order.id },
      summary: { before: { status: order.status }, after: { status: "cancelled" }, reason: input.reason },
    });
  });
  const [updated] = (await listAllOrders(db, { limit: 1, orderId: input.id })).items;
  if (!updated) throw new DomainError("NOT_FOUND", "We could not find that order.");
  return updated;
}
