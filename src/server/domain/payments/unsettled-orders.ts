import { and, asc, eq, lt, or } from "drizzle-orm";
import { orders } from "../../db/schema";
import type { Db } from "../../db/types";
import { logger } from "../../observability/logger";
import type { PaymentProvider } from "./payment-provider";
import { settleUnpaidOrder } from "./settle-unpaid-order";

/**
 * The scheduled sweep behind the per-order checks: every order awaiting
 * payment past its due time, or waiting longer than a webhook usually takes,
 * is reconciled with the provider (and expired when due). A batch per run.
 */
export async function settleUnpaidOrders(
  db: Db,
  provider: PaymentProvider,
  options: { reconcileAfterSeconds: number; batch?: number },
): Promise<Record<string, number>> {
  const now = Date.now();
  const waiting = await db
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        eq(orders.status, "awaiting_payment"),
        or(
          lt(orders.paymentDueAt, new Date(now)),
          lt(orders.updatedAt, new Date(now - options.reconcileAfterSeconds * 1_000)),
        ),
      ),
    )
    .orderBy(asc(orders.paymentDueAt))
    .limit(options.batch ?? 50);
  const outcomes: Record<string, number> = {};
  for (const { id } of waiting) {
    // One order the provider cannot answer for must not stop the others behind it.
    const outcome = await settleUnpaidOrder(db, provider, id).catch((error: unknown) => {
      logger.warn({ err: error, orderId: id }, "could not settle an unpaid order; the next sweep tries again");
      return "provider unreachable";
    });
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  }
  return outcomes;
}
