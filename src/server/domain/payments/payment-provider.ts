/** What checkout needs from a payment processor; the test processor is one implementation. */
export interface PaymentProvider {
  readonly name: string;
  charge(request: ChargeRequest): Promise<ChargeResult>;
  refund(request: RefundRequest): Promise<{ reference: string }>;
}

export interface ChargeRequest {
  amountCents: number;
  currency: string;
  /** Digits only, already Luhn-checked. Never stored or logged. */
  cardNumber: string;
  /** Lets a real processor deduplicate a retried charge. */
  idempotencyKey: string;
}

export type ChargeResult = { status: "approved"; reference: string } | { status: "declined"; reason: string };

export interface RefundRequest {
  chargeReference: string;
  amountCents: number;
  currency: string;
}
