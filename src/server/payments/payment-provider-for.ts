import { env } from "@/env";
import type { Db } from "../db/types";
import type { PaymentProvider } from "../domain/payments/payment-provider";
import { createStripeProvider } from "./stripe/stripe-provider";
import { createTestProvider } from "./test-provider/test-provider";

let stripe: PaymentProvider | undefined;

/** The provider PAYMENT_PROVIDER names; the test provider keeps its tables in `db`. */
export function paymentProviderFor(db: Db): PaymentProvider {
  const toleranceSeconds = env.PAYMENT_WEBHOOK_TOLERANCE_SECONDS;
  if (env.PAYMENT_PROVIDER === "test") return createTestProvider(db, { toleranceSeconds });
  if (!env.STRIPE_SECRET_KEY || !env.STRIPE_WEBHOOK_SECRET) {
    throw new Error("PAYMENT_PROVIDER=stripe needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET");
  }
  stripe ??= createStripeProvider({
    secretKey: env.STRIPE_SECRET_KEY,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    toleranceSeconds,
  });
  return stripe;
}
