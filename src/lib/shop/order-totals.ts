import { roundHalfUp } from "./rounding";
import { shippingCost, type ShippingMethodId } from "./shipping-methods";
import { zoneOf } from "./shipping-zones";
import type { CountryCode } from "./countries";
import { taxRateBasisPoints, type TaxMode } from "./tax-rates";

export type DiscountRule = { kind: "percent"; percent: number } | { kind: "fixed"; amountCents: number };

export interface TotalsInput {
  subtotalCents: number;
  taxMode: TaxMode;
  discount: DiscountRule | null;
  /** Unknown until the shopper gives an address and picks a method: shipping and tax stay null. */
  destination: { country: CountryCode; method: ShippingMethodId } | null;
}

export interface OrderTotals {
  subtotalCents: number;
  discountCents: number;
  shippingCents: number | null;
  taxCents: number | null;
  totalCents: number;
}

function discountOf(subtotalCents: number, discount: DiscountRule | null): number {
  if (!discount) return 0;
  const amount =
    discount.kind === "percent" ? roundHalfUp(subtotalCents * discount.percent, 100) : discount.amountCents;
  return Math.min(amount, subtotalCents);
}

/**
 * The order's totals, in the order written in docs/checkout-totals.md: discount on the subtotal,
 * shipping on what is left (free from the zone's threshold), tax on merchandise plus shipping at the
 * destination's rate. Inclusive prices already hold their tax: it is shown, not added.
 */
export function orderTotals(input: TotalsInput): OrderTotals {
  const discountCents = discountOf(input.subtotalCents, input.discount);
  const merchandiseCents = input.subtotalCents - discountCents;
  if (!input.destination) {
    return {
      subtotalCents: input.subtotalCents,
      discountCents,
      shippingCents: null,
      taxCents: null,
      totalCents: merchandiseCents,
    };
  }
  const { country, method } = input.destination;
  const shippingCents = shippingCost(method, zoneOf(country), merchandiseCents);
  const taxableCents = merchandiseCents + shippingCents;
  const rate = taxRateBasisPoints[country];
  if (input.taxMode === "inclusive") {
    // The tax inside a gross price is itself the derived amount, so it is what rounds half up.
    return {
      subtotalCents: input.subtotalCents,
      discountCents,
      shippingCents,
      taxCents: roundHalfUp(taxableCents * rate, 10_000 + rate),
      totalCents: taxableCents,
    };
  }
  const taxCents = roundHalfUp(taxableCents * rate, 10_000);
  return {
    subtotalCents: input.subtotalCents,
    discountCents,
    shippingCents,
    taxCents,
    totalCents: taxableCents + taxCents,
  };
}
