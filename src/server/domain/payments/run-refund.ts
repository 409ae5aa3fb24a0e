import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { payments } from "../../db/schema";
import type { Db } from "../../db/types";
import type { PaymentProvider } from "./payment-provider";

const charges = alias(payments, "charges");

/**
 * The `payments.refund` job: asks the provider to refund one charge. The refund
 * row's id is the idempotency key, so a retried job never refunds twice. The
 * row stays pending until the provider's refund event settles it.
 */
export async function runRefund(db: Db, provider: PaymentProvider, refundId: string): Promise<string> {
  const [refund] = await db
    .select({
      status: payments.status,
      reference: payments.reference,
      amountCents: payments.amountCents,
      currency: payments.currency,
      provider: payments.provider,
      chargeReference: charges.reference,
    })
    .from(payments)
    .innerJoin(charges, eq(charges.id, payments.refundOf))
    .where(and(eq(payments.id, refundId), eq(payments.kind, "refund")));
  if (!refund) return "gone";
  if (refund.status !== "pending" || refund.reference) return "already asked";
  if (refund.provider !== provider.name) throw new Error(`refund belongs to provider ${refund.provider}`);
  if (!refund.chargeReference) throw new Error("the charge has no provider reference");
  const { refundReference } = await provider.refund({
    chargeReference: refund.chargeReference,
    amountCents: refund.amountCents,
    currency: refund.currency,
    refundRequestId: refundId,
  });
  // The provider's event may have settled the row already; only fill in what is missing.
  await db
    .update(payments)
    .set({ reference: refundReference, updatedAt: new Date() })
    .where(and(eq(payments.id, refundId), eq(payments.status, "pending")));
  return "asked";
}
