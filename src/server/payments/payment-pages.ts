import type { PaymentPages } from "../domain/payments/open-payment-session";
import { shopLink } from "../mail/links";

/** The shopper comes back to the order's page from the provider, paid or not. */
export const paymentPages: PaymentPages = {
  returnUrl: (orderId) => shopLink(`/orders/${orderId}`, { payment: "return" }),
  cancelUrl: (orderId) => shopLink(`/orders/${orderId}`),
};
