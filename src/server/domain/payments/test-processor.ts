import { randomUUID } from "node:crypto";
import type { PaymentProvider } from "./payment-provider";

export const TEST_CARDS = { approved: "4242424242424242", declined: "4000000000000002" } as const;

/**
 * The built-in processor for development, demos and tests: 4000 0000 0000 0002
 * is declined, every other Luhn-valid number (4242 4242 4242 4242 in the docs)
 * is approved. No money moves.
 */
export const testPaymentProcessor: PaymentProvider = {
  name: "test",
  async charge(request) {
    if (request.cardNumber === TEST_CARDS.declined) return { status: "declined", reason: "card_declined" };
    return { status: "approved", reference: `test_ch_${randomUUID()}` };
  },
  async refund() {
    return { reference: `test_re_${randomUUID()}` };
  },
};
