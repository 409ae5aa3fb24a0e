import type Stripe from "stripe";
import type { SessionRequest, SessionStatus } from "@/server/domain/payments/payment-provider";

// Stripe accepts an expires_at from 30 minutes to 24 hours after it creates the session. The minute
// of margin on each side covers the request's time in flight and a clock a little off from Stripe's.
const shortestLifetimeSeconds = 30 * 60 + 60;
const longestLifetimeSeconds = 24 * 60 * 60 - 60;

/**
 * Unix seconds of `expiresAt` when Stripe accepts it for a session opened at `now`, otherwise
 * undefined (Stripe's own 24 hours). Never moved to fit: a time-dependent value would differ on a
 * retry with the same idempotency key, which Stripe refuses. A session that outlives the shop's
 * hold is harmless: money arriving for an expired order is refunded automatically.
 */
export function stripeExpiresAt(expiresAt: Date, now: Date): number | undefined {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const requested = Math.floor(expiresAt.getTime() / 1000);
  const fits = requested >= nowSeconds + shortestLifetimeSeconds && requested <= nowSeconds + longestLifetimeSeconds;
  return fits ? requested : undefined;
}

export function checkoutSessionParams(request: SessionRequest, now: Date): Stripe.Checkout.SessionCreateParams {
  const metadata = { orderId: request.orderId };
  return {
    mode: "payment",
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: request.currency.toLowerCase(),
          unit_amount: request.amountCents,
          product_data: { name: request.description },
        },
      },
    ],
    success_url: request.returnUrl,
    cancel_url: request.cancelUrl,
    client_reference_id: request.orderId,
    metadata,
    payment_intent_data: { metadata },
    ...(request.customerEmail ? { customer_email: request.customerEmail } : {}),
    ...withExpiry(stripeExpiresAt(request.expiresAt, now)),
  };
}

function withExpiry(expiresAt: number | undefined): { expires_at?: number } {
  return expiresAt === undefined ? {} : { expires_at: expiresAt };
}

/** The payment intent's id, whether Stripe sent the id or the expanded object. */
export function paymentIntentId(session: Stripe.Checkout.Session): string | null {
  const intent = session.payment_intent;
  return typeof intent === "string" ? intent : (intent?.id ?? null);
}

/** What a paid session took; null when Stripe left out the intent, amount or currency. */
export function paidPayment(
  session: Stripe.Checkout.Session,
): { chargeReference: string; amountCents: number; currency: string } | null {
  const chargeReference = paymentIntentId(session);
  if (chargeReference === null || session.amount_total === null || session.currency === null) return null;
  return { chargeReference, amountCents: session.amount_total, currency: session.currency.toUpperCase() };
}

/** The card's last four digits, when the session was retrieved with `payment_intent.latest_charge` expanded. */
function cardLast4(session: Stripe.Checkout.Session): string | null {
  const intent = session.payment_intent;
  if (intent === null || typeof intent === "string") return null;
  const charge = intent.latest_charge;
  if (charge === null || typeof charge === "string") return null;
  return charge.payment_method_details?.card?.last4 ?? null;
}

export function sessionStatus(session: Stripe.Checkout.Session): SessionStatus {
  if (session.status === "expired") return { state: "expired" };
  if (session.status !== "complete" || session.payment_status !== "paid") return { state: "open" };
  const paid = paidPayment(session);
  if (paid === null) throw new Error(`Stripe reports checkout session ${session.id} paid without its payment details.`);
  return { state: "paid", ...paid, cardLast4: cardLast4(session) };
}
