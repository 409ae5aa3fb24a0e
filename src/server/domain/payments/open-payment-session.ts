import { and, count, desc, eq, gt, lte, ne, or } from "drizzle-orm";
import type { OrderStatus } from "@/lib/order-status";
import { orders, paymentSessions, users } from "../../db/schema";
import type { Db } from "../../db/types";
import type { LockedOrder } from "../orders/lock-order";
import type { PaymentProvider } from "./payment-provider";
import { reconcileOpenSessions } from "./settle-unpaid-order";

export interface PaymentDependencies {
  payments: PaymentProvider;
  pages: PaymentPages;
}

export interface PaymentPages {
  /** Where the provider sends the shopper back to (the order's page). */
  returnUrl(orderId: string): string;
  cancelUrl(orderId: string): string;
}

/**
 * The payment page for an order awaiting payment: the open session if there is
 * one still valid, otherwise a new one at the provider (after a decline, or
 * when the last one expired). Runs outside any transaction: it may call the
 * provider over the network, and the order is already committed.
 */
async function openSessionUrl(db: Db, provider: PaymentProvider, orderId: string): Promise<string | undefined> {
  const [open] = await db
    .select({ url: paymentSessions.url })
    .from(paymentSessions)
    .where(
      and(
        eq(paymentSessions.orderId, orderId),
        eq(paymentSessions.provider, provider.name),
        eq(paymentSessions.status, "open"),
        gt(paymentSessions.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(paymentSessions.createdAt))
    .limit(1);
  return open?.url;
}

async function currentStatus(db: Db, orderId: string): Promise<OrderStatus | undefined> {
  const [order] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
  return order?.status;
}

/**
 * The payment page for an order awaiting payment: the open session if the
 * provider says it is still open, otherwise a new one (after a decline whose
 * webhook may not have come yet, or when the last one expired). Runs outside
 * any transaction: it may call the provider, and the order is already committed.
 * Null when the order turned out to be settled meanwhile.
 */
export async function openPaymentSession(
  db: Db,
  provider: PaymentProvider,
  pages: PaymentPages,
  order: Pick<LockedOrder, "id" | "userId" | "totalCents" | "currency" | "paymentDueAt">,
): Promise<string | null> {
  // Past the hold no new page opens: the order is about to expire and its stock goes back.
  if (order.paymentDueAt && order.paymentDueAt.getTime() <= Date.now()) return null;
  if (await openSessionUrl(db, provider, order.id)) {
    // The shopper may have finished on the provider's page before its webhook came: ask it.
    await reconcileOpenSessions(db, provider, order.id);
    if ((await currentStatus(db, order.id)) !== "awaiting_payment") return null;
    const stillOpen = await openSessionUrl(db, provider, order.id);
    if (stillOpen) return stillOpen;
  }

  const [[attempts], [customer]] = await Promise.all([
    // Closed sessions only: requests racing to open the same attempt count alike, so they send the
    // provider one idempotency key and get one session back.
    db
      .select({ n: count() })
      .from(paymentSessions)
      .where(
        and(
          eq(paymentSessions.orderId, order.id),
          or(ne(paymentSessions.status, "open"), lte(paymentSessions.expiresAt, new Date())),
        ),
      ),
    db.select({ email: users.email }).from(users).where(eq(users.id, order.userId)),
  ]);
  const expiresAt = order.paymentDueAt ?? new Date(Date.now() + 30 * 60_000);
  const session = await provider.createSession({
    orderId: order.id,
    amountCents: order.totalCents,
    currency: order.currency,
    description: `Order #${order.id.slice(0, 8)}`,
    customerEmail: customer?.email ?? null,
    returnUrl: pages.returnUrl(order.id),
    cancelUrl: pages.cancelUrl(order.id),
    expiresAt,
    // Two racing requests for the same attempt get the same session from the provider.
    idempotencyKey: `${order.id}:${attempts?.n ?? 0}`,
  });
  await db
    .insert(paymentSessions)
    .values({
      orderId: order.id,
      provider: provider.name,
      sessionId: session.sessionId,
      url: session.url,
      amountCents: order.totalCents,
      expiresAt,
    })
    .onConflictDoNothing({ target: [paymentSessions.provider, paymentSessions.sessionId] });
  return session.url;
}
