import { env } from "@/env";
import type { Tx } from "../../db/types";
import { enqueueJob } from "../../queue/enqueue";

/**
 * Queues, with the order, the two checks that settle it if no webhook does:
 * one when a webhook should long have come (the provider is asked), one when
 * the stock hold ends (the order expires unless the provider says paid).
 */
export async function scheduleSettlement(tx: Tx, orderId: string, paymentDueAt: Date): Promise<void> {
  const reconcileAt = new Date(Date.now() + env.PAYMENT_RECONCILE_SECONDS * 1_000);
  if (reconcileAt < paymentDueAt) {
    await enqueueJob(tx, "payments.check-order", { orderId }, { key: `reconcile-${orderId}`, startAfter: reconcileAt });
  }
  await enqueueJob(tx, "payments.check-order", { orderId }, { key: `due-${orderId}`, startAfter: paymentDueAt });
}
