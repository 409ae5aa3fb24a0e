import type Stripe from "stripe";
import { WebhookRejected, type ProviderEvent } from "@/server/domain/payments/payment-provider";
import { paidPayment, paymentIntentId } from "./stripe-checkout";

/** A ProviderEvent without the id and time every event carries. */
type EventBody = ProviderEvent extends infer Event
  ? Event extends unknown
    ? Omit<Event, "id" | "occurredAt">
    : never
  : never;

/** Reads a verified Stripe event in the shop's words. */
export function toProviderEvent(event: Stripe.Event): ProviderEvent {
  return { id: event.id, occurredAt: new Date(event.created * 1000), ...eventBody(event) };
}

function eventBody(event: Stripe.Event): EventBody {
  switch (event.type) {
    case "checkout.session.completed":
      // Bank debits and other delayed methods complete unpaid; their async_payment_* event follows.
      return event.data.object.payment_status === "paid" ? paymentSucceeded(event.data.object) : ignored(event.type);
    case "checkout.session.async_payment_succeeded":
      return paymentSucceeded(event.data.object);
    case "checkout.session.async_payment_failed": {
      const session = event.data.object;
      return {
        type: "payment.failed",
        sessionId: session.id,
        attemptReference: paymentIntentId(session) ?? `${session.id}:${event.id}`,
        reason: "async_payment_failed",
        cardLast4: null,
      };
    }
    case "checkout.session.expired":
      return { type: "session.expired", sessionId: event.data.object.id };
    case "refund.created":
    case "refund.updated":
      return refundOutcome(event.data.object, event.type, event.data.object.status);
    case "refund.failed":
      return refundOutcome(event.data.object, event.type, "failed");
    default:
      return ignored(event.type);
  }
}

function paymentSucceeded(session: Stripe.Checkout.Session): EventBody {
  const paid = paidPayment(session);
  if (paid === null) {
    throw new WebhookRejected(
      `Checkout session ${session.id} is paid, but the event lacks its payment intent or amount.`,
    );
  }
  return { type: "payment.succeeded", sessionId: session.id, ...paid, cardLast4: null };
}

function refundOutcome(refund: Stripe.Refund, providerType: string, status: string | null): EventBody {
  // Refunds the shop did not start (e.g. from Stripe's dashboard) carry no request id: nothing to settle.
  const refundRequestId = refund.metadata?.refundRequestId;
  if (!refundRequestId) return ignored(providerType);
  if (status === "succeeded") return { type: "refund.succeeded", refundRequestId, refundReference: refund.id };
  if (status === "failed" || status === "canceled") {
    return {
      type: "refund.failed",
      refundRequestId,
      refundReference: refund.id,
      reason: refund.failure_reason ?? status,
    };
  }
  return ignored(providerType);
}

function ignored(providerType: string): EventBody {
  return { type: "ignored", providerType };
}
