/**
 * What the shop needs from a payment provider. The card is taken on the
 * provider's own page: nothing here carries a card number, expiry or CVC.
 * The built-in test provider (src/server/payments/test-provider) and Stripe
 * (src/server/payments/stripe) implement it.
 */
export interface PaymentProvider {
  readonly name: PaymentProviderName;
  /** Opens a hosted payment page for one order; the shopper is sent to `url`. */
  createSession(request: SessionRequest): Promise<{ sessionId: string; url: string }>;
  /**
   * Checks the signature over the raw body (and its timestamp, so a replay is
   * refused) and reads the event; throws WebhookRejected when it does not hold.
   */
  parseWebhook(rawBody: string, headers: Headers): Promise<ProviderEvent>;
  /** Asks the provider how a session stands, for orders whose webhook did not come. */
  fetchStatus(sessionId: string): Promise<SessionStatus>;
  /** Starts a refund; it completes when the provider's `refund.succeeded` event arrives. */
  refund(request: RefundRequest): Promise<{ refundReference: string }>;
}

export const paymentProviderNames = ["test", "stripe"] as const;
export type PaymentProviderName = (typeof paymentProviderNames)[number];

export interface SessionRequest {
  orderId: string;
  amountCents: number;
  currency: string;
  /** Shown on the provider's page, e.g. "Storefront order #1a2b3c4d". */
  description: string;
  customerEmail: string | null;
  /** Where the provider sends the shopper back, paid or not. */
  returnUrl: string;
  /** Where "back to the shop" leads without paying. */
  cancelUrl: string;
  /** The provider closes the session by then (the shop's stock hold ends). */
  expiresAt: Date;
  /** The same key gets the same session back from the provider. */
  idempotencyKey: string;
}

/** A verified provider event, in the shop's words. `id` is the provider's event id (deduplication). */
export type ProviderEvent = { id: string; occurredAt: Date } & (
  | {
      type: "payment.succeeded";
      sessionId: string;
      chargeReference: string;
      amountCents: number;
      currency: string;
      cardLast4: string | null;
    }
  | { type: "payment.failed"; sessionId: string; attemptReference: string; reason: string; cardLast4: string | null }
  | { type: "session.expired"; sessionId: string }
  | { type: "refund.succeeded"; refundRequestId: string; refundReference: string }
  | { type: "refund.failed"; refundRequestId: string; refundReference: string; reason: string }
  /** Signed and genuine, but nothing the shop acts on (e.g. a Stripe event type it does not use). */
  | { type: "ignored"; providerType: string }
);

export type SessionStatus =
  | { state: "open" | "expired" }
  | { state: "failed"; attemptReference: string; reason: string; cardLast4: string | null }
  | { state: "paid"; chargeReference: string; amountCents: number; currency: string; cardLast4: string | null };

export interface RefundRequest {
  chargeReference: string;
  amountCents: number;
  currency: string;
  /** Our refund row's id: the idempotency key, and echoed back in the refund's events. */
  refundRequestId: string;
}

/** A webhook whose signature, timestamp or body does not hold: answered 400, never applied. */
export class WebhookRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookRejected";
  }
}
