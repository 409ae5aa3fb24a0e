import { and, eq, inArray, ne } from "drizzle-orm";
import { payments } from "../../db/schema";
import type { Tx } from "../../db/types";
import { enqueueJob } from "../../queue/enqueue";

/**
 * Asks for every settled charge of an order back, once: a pending refund row
 * per charge not yet refunded, and a job that calls the provider after commit.
 * The refund completes when the provider's `refund.succeeded` event arrives.
 * Returns the cents asked back.
 */
export async function requestRefunds(tx: Tx, orderId: string, chargeIds?: string[]): Promise<number> {
  const charges = await tx
    .select({
      id: payments.id,
      provider: payments.provider,
      amountCents: payments.amountCents,
      currency: payments.currency,
      cardLast4: payments.cardLast4,
    })
    .from(payments)
    .where(
      and(
        eq(payments.orderId, orderId),
        eq(payments.kind, "charge"),
        eq(payments.status, "succeeded"),
        chargeIds ? inArray(payments.id, chargeIds) : undefined,
      ),
    );
  const alreadyRefunded = new Set(
    (
      await tx
        .select({ refundOf: payments.refundOf })
        .from(payments)
        // A failed refund does not count: asking again is how it is retried.
        .where(and(eq(payments.orderId, orderId), eq(payments.kind, "refund"), ne(payments.status, "failed")))
    ).map((row) => row.refundOf),
  );
  let total = 0;
  for (const charge of charges) {
    if (alreadyRefunded.has(charge.id)) continue;
    const [refund] = await tx
      .insert(payments)
      .values({
        orderId,
        kind: "refund",
        status: "pending",
        provider: charge.provider,
        amountCents: charge.amountCents,
        currency: charge.currency,
        refundOf: charge.id,
        cardLast4: charge.cardLast4,
      })
      .returning({ id: payments.id });
    if (!refund) throw new Error("refund row not written");
    await enqueueJob(tx, "payments.refund", { refundId: refund.id }, { key: refund.id });
    total += charge.amountCents;
  }
  return total;
}
