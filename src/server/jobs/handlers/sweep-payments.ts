import { activePaymentProvider, env } from "@/env";
import type { Db } from "../../db/types";
import { settleUnpaidOrders } from "../../domain/payments/unsettled-orders";
import { paymentProviderFor } from "../../payments/payment-provider-for";
import { expireOverdueSessions } from "../../payments/test-provider/sessions";

/** The scheduled payments upkeep: unsettled orders reconciled or expired; the test provider's stale sessions closed. */
export async function sweepPayments(db: Db): Promise<Record<string, number>> {
  const outcomes = await settleUnpaidOrders(db, paymentProviderFor(db), {
    reconcileAfterSeconds: env.PAYMENT_RECONCILE_SECONDS,
  });
  if (activePaymentProvider === "test") outcomes["test sessions closed"] = await expireOverdueSessions(db);
  return outcomes;
}
