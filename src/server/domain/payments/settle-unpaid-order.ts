import { releaseDiscount } from "../discounts/redeem-discount";
import { and, eq } from "drizzle-orm";
import { paymentSessions } from "../../db/schema";
import type { Db } from "../../db/types";
import { publishEvents } from "../../events/publish";
import { changeOrderStatus } from "../orders/change-status";
import { lockOrder } from "../orders/lock-order";
import { returnStock } from "../orders/return-stock";
import { logger } from "../../observability/logger";
import { applyProviderEvent } from "./apply-provider-event";
import type { PaymentProvider } from "./payment-provider";

/**
 * Asks the provider about each open session of an order, and applies what it
 * says as the lost webhook would have. The event id is derived from the
 * session, and a charge is recorded once by its reference, so a webhook that
 * comes after all changes nothing.
 */
export async function reconcileOpenSessions(
  db: Db,
  provider: PaymentProvider,
  orderId: string,
): Promise<string | null> {
  const open = await db
    .select({ sessionId: paymentSessions.sessionId })
    .from(paymentSessions)
    .where(
      and(
        eq(paymentSessions.orderId, orderId),
        eq(paymentSessions.provider, provider.name),
        eq(paymentSessions.status, "open"),
      ),
    );
  for (const { sessionId } of open) {
    const status = await provider.fetchStatus(sessionId);
    const base = { id: `reconciled:${sessionId}:${status.state}`, occurredAt: new Date() };
    if (status.state === "paid") {
      await applyProviderEvent(db, provider.name, { ...base, type: "payment.succeeded", sessionId, ...status });
      return "paid on reconciliation";
    }
    if (status.state === "failed") {
      await applyProviderEvent(db, provider.name, { ...base, type: "payment.failed", sessionId, ...status });
    } else if (status.state === "expired") {
      await applyProviderEvent(db, provider.name, { ...base, type: "session.expired", sessionId });
    }
  }
  return null;
}

/** Ends the stock hold of an order still unpaid after its due time: expired, stock back, the shopper mailed. */
async function expireIfDue(db: Db, orderId: string): Promise<string> {
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (!order || order.status !== "awaiting_payment") return "settled meanwhile";
    if (!order.paymentDueAt || order.paymentDueAt.getTime() > Date.now()) return "still within its hold";
    // Code before stock: checkout takes the code's lock before the products', so no deadlock.
    await releaseDiscount(tx, order.id);
    const stock = await returnStock(tx, order.id);
    await tx
      .update(paymentSessions)
      .set({ status: "expired", updatedAt: new Date() })
      .where(and(eq(paymentSessions.orderId, order.id), eq(paymentSessions.status, "open")));
    const expired = await changeOrderStatus(tx, order, "expired", {
      actorId: null,
      note: "No payment arrived in time; the items went back on sale",
    });
    await publishEvents(tx, [expired, ...stock]);
    return "expired";
  });
}

/**
 * The `payments.check-order` job, for an order that may still be awaiting
 * payment: first the provider is asked (its webhook may have been lost), then,
 * once the hold is over, the order expires. Safe to run any number of times.
 */
export async function settleUnpaidOrder(db: Db, provider: PaymentProvider, orderId: string): Promise<string> {
  const [order] = await db.transaction(async (tx) => [await lockOrder(tx, orderId)]);
  if (!order) return "gone";
  if (order.status !== "awaiting_payment") return "settled";
  const due = order.paymentDueAt !== null && order.paymentDueAt.getTime() <= Date.now();
  try {
    const reconciled = await reconcileOpenSessions(db, provider, orderId);
    if (reconciled) return reconciled;
  } catch (error) {
    // Before the hold ends the job retries; after it, the stock must not stay held because the
    // provider cannot answer: the order expires, and money that still arrives is refunded.
    if (!due) throw error;
    logger.warn({ err: error, orderId }, "the provider could not say how the payment stands; the order expires anyway");
  }
  return expireIfDue(db, orderId);
}
