import type { CountryCode } from "@/lib/shop/countries";
import { orderTotals, type OrderTotals } from "@/lib/shop/order-totals";
import type { ShippingMethodId } from "@/lib/shop/shipping-methods";
import type { TaxMode } from "@/lib/shop/tax-rates";
import type { DbOrTx } from "../../db/types";
import { storeTaxMode } from "../../tax-mode";
import { eligibility, type Eligibility } from "../discounts/discount-eligibility";
import { findDiscountCode, usesByCustomer } from "../discounts/find-discount-code";

export interface PricingRequest {
  subtotalCents: number;
  country: CountryCode | null;
  method: ShippingMethodId | null;
  discountCode: string | undefined;
  /** Who buys, for the code's per-customer limit; null when not known yet. */
  buyer: { userId: string | null; email: string } | null;
}

export interface Pricing {
  totals: OrderTotals;
  taxMode: TaxMode;
  /** Null when no code was typed. */
  discount: (Eligibility & { typed: string }) | null;
}

/** The one place totals are computed from a cart, for the quote and for the order alike. */
export async function priceCheckout(db: DbOrTx, request: PricingRequest): Promise<Pricing> {
  const typed = request.discountCode?.trim() ?? "";
  let discount: Pricing["discount"] = null;
  if (typed !== "") {
    const code = await findDiscountCode(db, typed);
    const uses = code && request.buyer ? await usesByCustomer(db, code.id, request.buyer) : 0;
    discount = { ...eligibility(typed, code, request.subtotalCents, uses), typed };
  }
  const taxMode = storeTaxMode();
  const totals = orderTotals({
    subtotalCents: request.subtotalCents,
    taxMode,
    discount: discount?.applies ? discount.rule : null,
    destination: request.country && request.method ? { country: request.country, method: request.method } : null,
  });
  return { totals, taxMode, discount };
}
