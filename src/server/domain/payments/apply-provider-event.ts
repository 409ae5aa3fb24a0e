import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { formatMoney } from "@/lib/money";
import { paymentEvents, payments, paymentSessions } from "../../db/schema";
import type { Db, Tx } from "../../db/types";
import { publishEvents } from "../../events/publish";
import type { NewEvent } from "../../events/topics";
import { changeOrderStatus, noteOnOrder } from "../orders/change-status";
import { lockOrder, type LockedOrder } from "../orders/lock-order";
import type { PaymentProviderName, ProviderEvent } from "./payment-provider";
import { requestRefunds } from "./request-refunds";

type Applied = { outcome: string; orderId: string | null; events: NewEvent[] };

const nothing = (outcome: string, orderId: string | null = null): Applied => ({ outcome, orderId, events: [] });

async function sessionOrder(tx: Tx, provider: PaymentProviderName, sessionId: string) {
  const [session] = await tx
    .select({ id: paymentSessions.id, orderId: paymentSessions.orderId, status: paymentSessions.status })
    .from(paymentSessions)
    .where(and(eq(paymentSessions.provider, provider), eq(paymentSessions.sessionId, sessionId)));
  return session;
}

function paymentEvent(order: LockedOrder, payment: "declined" | "refund_requested" | "refunded" | "refund_failed") {
  return {
    topic: "order.payment",
    payload: { orderId: order.id, status: order.status, payment },
    ownerId: order.userId,
  } as const;
}

type Succeeded = Extract<ProviderEvent, { type: "payment.succeeded" }>;

/**
 * Money arrived. Only an order still awaiting payment, for its full amount,
 * becomes paid; money for an order that expired, was cancelled or is paid
 * already (a second session) is recorded and refunded at once, so a late or
 * out-of-order event can never undo what happened since.
 */
async function paymentSucceeded(tx: Tx, provider: PaymentProviderName, event: Succeeded): Promise<Applied> {
  const session = await sessionOrder(tx, provider, event.sessionId);
  if (!session) return nothing("unknown session");
  const order = await lockOrder(tx, session.orderId);
  if (!order) return nothing("unknown order");
  const [charge] = await tx
    .insert(payments)
    .values({
      orderId: order.id,
      kind: "charge",
      status: "succeeded",
      provider,
      amountCents: event.amountCents,
      currency: event.currency,
      reference: event.chargeReference,
      cardLast4: event.cardLast4,
    })
    .onConflictDoNothing({ target: [payments.provider, payments.reference] })
    .returning({ id: payments.id });
  if (!charge) return nothing("charge already recorded", order.id);
  await tx
    .update(paymentSessions)
    .set({ status: "paid", updatedAt: new Date() })
    .where(eq(paymentSessions.id, session.id));

  const payable =
    order.status === "awaiting_payment" && event.amountCents === order.totalCents && event.currency === order.currency;
  if (payable) {
    const paid = await changeOrderStatus(tx, order, "paid", {
      actorId: null,
      note: "Payment confirmed by the provider",
    });
    return {
      outcome: "order paid",
      orderId: order.id,
      events: [
        paid,
        {
          topic: "order.paid",
          payload: { orderId: order.id, amountCents: event.amountCents, currency: event.currency },
          ownerId: order.userId,
        },
      ],
    };
  }
  await requestRefunds(tx, order.id, [charge.id]);
  const why =
    order.status === "awaiting_payment"
      ? "the amount did not match the order"
      : `the order was already ${order.status.replace("_", " ")}`;
  const note = `A payment of ${formatMoney(event.amountCents, event.currency)} arrived after ${why}; it is being refunded automatically`;
  await noteOnOrder(tx, order, note);
  return { outcome: `refunding: ${why}`, orderId: order.id, events: [paymentEvent(order, "refund_requested")] };
}

type Failed = Extract<ProviderEvent, { type: "payment.failed" }>;

/** A declined attempt: recorded, the session closed; the order keeps waiting and may be paid again. */
async function paymentFailed(tx: Tx, provider: PaymentProviderName, event: Failed): Promise<Applied> {
  const session = await sessionOrder(tx, provider, event.sessionId);
  if (!session) return nothing("unknown session");
  const order = await lockOrder(tx, session.orderId);
  if (!order) return nothing("unknown order");
  await tx
    .insert(payments)
    .values({
      orderId: order.id,
      kind: "charge",
      status: "failed",
      provider,
      amountCents: order.totalCents,
      currency: order.currency,
      reference: event.attemptReference,
      cardLast4: event.cardLast4,
      failureReason: event.reason,
    })
    .onConflictDoNothing({ target: [payments.provider, payments.reference] });
  // Only an open session fails: a decline reported after the session was paid changes nothing.
  const closed = await tx
    .update(paymentSessions)
    .set({ status: "failed", updatedAt: new Date() })
    .where(and(eq(paymentSessions.id, session.id), eq(paymentSessions.status, "open")))
    .returning({ id: paymentSessions.id });
  if (closed.length === 0 || order.status !== "awaiting_payment")
    return nothing("recorded; nothing to change", order.id);
  return { outcome: "payment declined", orderId: order.id, events: [paymentEvent(order, "declined")] };
}

type RefundEvent = Extract<ProviderEvent, { type: "refund.succeeded" | "refund.failed" }>;

/** A refund the shop asked for completed (or failed) at the provider. */
async function refundSettled(tx: Tx, provider: PaymentProviderName, event: RefundEvent): Promise<Applied> {
  // The id comes back from the provider's metadata, which someone may have edited by hand.
  if (!z.uuid().safeParse(event.refundRequestId).success) return nothing("unknown refund");
  const refundRow = and(
    eq(payments.id, event.refundRequestId),
    eq(payments.kind, "refund"),
    eq(payments.provider, provider),
  );
  const [owner] = await tx.select({ orderId: payments.orderId }).from(payments).where(refundRow);
  if (!owner) return nothing("unknown refund");
  const order = await lockOrder(tx, owner.orderId);
  if (!order) return nothing("unknown order");
  const succeeded = event.type === "refund.succeeded";
  // Settled under the order's lock, only while pending: of two events racing for one refund, one wins.
  const [refund] = await tx
    .update(payments)
    .set({
      status: succeeded ? "succeeded" : "failed",
      reference: event.refundReference,
      failureReason: succeeded ? null : event.reason,
      updatedAt: new Date(),
    })
    .where(and(refundRow, eq(payments.status, "pending")))
    .returning({ amountCents: payments.amountCents, currency: payments.currency });
  if (!refund) return nothing("refund already settled", order.id);
  const amount = formatMoney(refund.amountCents, refund.currency);
  await noteOnOrder(
    tx,
    order,
    succeeded ? `Refund of ${amount} completed` : `Refund of ${amount} failed: ${event.reason}`,
  );
  return {
    outcome: succeeded ? "refund completed" : "refund failed",
    orderId: order.id,
    events: [paymentEvent(order, succeeded ? "refunded" : "refund_failed")],
  };
}

async function sessionExpired(tx: Tx, provider: PaymentProviderName, sessionId: string): Promise<Applied> {
  const session = await sessionOrder(tx, provider, sessionId);
  if (!session) return nothing("unknown session");
  await tx
    .update(paymentSessions)
    .set({ status: "expired", updatedAt: new Date() })
    .where(and(eq(paymentSessions.id, session.id), eq(paymentSessions.status, "open")));
  return nothing("session closed", session.orderId);
}

function apply(tx: Tx, provider: PaymentProviderName, event: ProviderEvent): Promise<Applied> {
  switch (event.type) {
    case "payment.succeeded":
      return paymentSucceeded(tx, provider, event);
    case "payment.failed":
      return paymentFailed(tx, provider, event);
    case "refund.succeeded":
    case "refund.failed":
      return refundSettled(tx, provider, event);
    case "session.expired":
      return sessionExpired(tx, provider, event.sessionId);
    case "ignored":
      return Promise.resolve(nothing(`ignored ${event.providerType}`));
  }
}

export type ApplyResult = { duplicate: true } | { duplicate: false; outcome: string; orderId: string | null };

/**
 * Applies one verified provider event in one transaction with everything it
 * changes (order, stock, payments, outbox). Each event id is stored once: a
 * second delivery is answered as a success and changes nothing.
 */
export async function applyProviderEvent(
  db: Db,
  provider: PaymentProviderName,
  event: ProviderEvent,
): Promise<ApplyResult> {
  return db.transaction(async (tx) => {
    const [stored] = await tx
      .insert(paymentEvents)
      .values({ provider, eventId: event.id, type: event.type, outcome: "received", occurredAt: event.occurredAt })
      .onConflictDoNothing({ target: [paymentEvents.provider, paymentEvents.eventId] })
      .returning({ id: paymentEvents.id });
    if (!stored) return { duplicate: true } as const;
    const applied = await apply(tx, provider, event);
    await tx
      .update(paymentEvents)
      .set({ outcome: applied.outcome, orderId: applied.orderId })
      .where(eq(paymentEvents.id, stored.id));
    if (applied.events.length > 0) await publishEvents(tx, applied.events);
    return { duplicate: false, outcome: applied.outcome, orderId: applied.orderId } as const;
  });
}
