import { orderStatusLabels } from "@/lib/order-status";
import type { Db } from "../../db/types";
import type { Actor } from "../actor";
import { DomainError } from "../errors";
import { lockOrder } from "../orders/lock-order";
import { openPaymentSession, type PaymentDependencies } from "./open-payment-session";

/** A payment page for the owner's order awaiting payment: the open one, or a new one after a decline. */
export async function payOwnOrder(
  db: Db,
  actor: Actor,
  orderId: string,
  dependencies: PaymentDependencies,
): Promise<{ paymentUrl: string }> {
  const order = await db.transaction((tx) => lockOrder(tx, orderId, actor.id));
  if (!order) throw new DomainError("NOT_FOUND", "We could not find that order.");
  if (order.status !== "awaiting_payment") {
    throw new DomainError(
      "CONFLICT",
      `This order is ${orderStatusLabels[order.status].toLowerCase()}: there is nothing to pay.`,
      { status: order.status },
    );
  }
  if (order.paymentDueAt && order.paymentDueAt.getTime() <= Date.now()) {
    throw new DomainError(
      "CONFLICT",
      "The time to pay this order is over; its items go back on sale. Order them again.",
      {
        status: order.status,
      },
    );
  }
  const paymentUrl = await openPaymentSession(db, dependencies.payments, dependencies.pages, order);
  if (!paymentUrl)
    throw new DomainError("CONFLICT", "This order was just paid or closed: reload it to see where it stands.");
  return { paymentUrl };
}
