import Stripe from "stripe";
import { WebhookRejected, type PaymentProvider } from "@/server/domain/payments/payment-provider";
import { checkoutSessionParams, sessionStatus } from "./stripe-checkout";
import { toProviderEvent } from "./stripe-events";

export interface StripeProviderOptions {
  secretKey: string;
  webhookSecret: string;
  /** How old a signed webhook may be before it counts as a replay. */
  toleranceSeconds: number;
  /** Another address for Stripe's API, e.g. a test double on loopback. */
  api?: { host: string; port: number; protocol: "http" | "https" };
}

/** Hosted Checkout pages and signed webhooks, through Stripe's own client. */
export function createStripeProvider(options: StripeProviderOptions): PaymentProvider {
  // Stripe reads a tolerance of 0 as "skip the timestamp check", which would let replays through.
  if (!(options.toleranceSeconds > 0)) throw new Error("The Stripe webhook tolerance must be more than 0 seconds.");
  const stripe = new Stripe(options.secretKey, { maxNetworkRetries: 2, timeout: 10_000, ...options.api });

  return {
    name: "stripe",

    async createSession(request) {
      const session = await stripe.checkout.sessions.create(checkoutSessionParams(request, new Date()), {
        idempotencyKey: request.idempotencyKey,
      });
      if (!session.url) throw new Error(`Stripe opened checkout session ${session.id} without a payment page URL.`);
      return { sessionId: session.id, url: session.url };
    },

    async parseWebhook(rawBody, headers) {
      const signature = headers.get("stripe-signature");
      if (!signature) throw new WebhookRejected("The webhook has no Stripe-Signature header.");
      let event: Stripe.Event;
      try {
        event = await stripe.webhooks.constructEventAsync(
          rawBody,
          signature,
          options.webhookSecret,
          options.toleranceSeconds,
        );
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new WebhookRejected(`The Stripe webhook failed verification: ${reason}`);
      }
      return toProviderEvent(event);
    },

    async fetchStatus(sessionId) {
      const session = await stripe.checkout.sessions.retrieve(sessionId, { expand: ["payment_intent.latest_charge"] });
      return sessionStatus(session);
    },

    async refund(request) {
      const refund = await stripe.refunds.create(
        {
          payment_intent: request.chargeReference,
          amount: request.amountCents,
          metadata: { refundRequestId: request.refundRequestId },
        },
        { idempotencyKey: request.refundRequestId },
      );
      return { refundReference: refund.id };
    },
  };
}
