import { activePaymentProvider, env } from "@/env";
import type { Db } from "../db/types";
import type { PaymentProvider } from "../domain/payments/payment-provider";
import { createTestProvider } from "./test-provider/test-provider";

let stripe: PaymentProvider | undefined;

/**
 * Stripe's package is loaded on first use only: a shop on the test provider
 * never pays its memory (every instance would otherwise load it at start).
 */
function lazyStripe(options: { secretKey: string; webhookSecret: string; toleranceSeconds: number }): PaymentProvider {
  const load = import("./stripe/stripe-provider").then(({ createStripeProvider }) => createStripeProvider(options));
  load.catch(() => undefined);
  return {
    name: "stripe",
    createSession: async (request) => (await load).createSession(request),
    parseWebhook: async (rawBody, headers) => (await load).parseWebhook(rawBody, headers),
    fetchStatus: async (sessionId) => (await load).fetchStatus(sessionId),
    refund: async (request) => (await load).refund(request),
  };
}

/** The provider PAYMENT_PROVIDER names; the test provider keeps its tables in `db`. */
export function paymentProviderFor(db: Db): PaymentProvider {
  const toleranceSeconds = env.PAYMENT_WEBHOOK_TOLERANCE_SECONDS;
  if (activePaymentProvider === "test") return createTestProvider(db, { toleranceSeconds });
  if (!env.STRIPE_SECRET_KEY || !env.STRIPE_WEBHOOK_SECRET) {
    throw new Error("PAYMENT_PROVIDER=stripe needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET");
  }
  stripe ??= lazyStripe({
    secretKey: env.STRIPE_SECRET_KEY,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    toleranceSeconds,
  });
  return stripe;
}
