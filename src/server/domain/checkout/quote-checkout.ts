import type { CheckoutQuoteDto, QuoteInput } from "@/lib/contracts/checkout";
import { formatMoney } from "@/lib/money";
import { shippingCost, shippingMethodIds, shippingMethods } from "@/lib/shop/shipping-methods";
import { zoneOf } from "@/lib/shop/shipping-zones";
import type { DbOrTx } from "../../db/types";
import type { Actor } from "../actor";
import { getCart } from "../cart/get-cart";
import type { Pricing } from "./price-checkout";
import { priceCheckout } from "./price-checkout";

function describeDiscount(pricing: Pricing): CheckoutQuoteDto["discount"] {
  const { discount } = pricing;
  if (!discount) return null;
  if (!discount.applies) return { code: discount.typed.toUpperCase(), applies: false, message: discount.message };
  const amount = formatMoney(pricing.totals.discountCents);
  return { code: discount.code.code, applies: true, message: `${discount.code.code} takes ${amount} off.` };
}

/** What checkout would charge for the actor's cart now, with every shipping method's price. */
export async function quoteCheckout(db: DbOrTx, actor: Actor, input: QuoteInput): Promise<CheckoutQuoteDto> {
  const cart = await getCart(db, actor);
  const country = input.country ?? null;
  const pricing = await priceCheckout(db, {
    subtotalCents: cart.subtotalCents,
    country,
    method: input.shippingMethod ?? null,
    discountCode: input.discountCode,
    buyer: { userId: actor.id, email: actor.email },
  });
  const merchandiseCents = pricing.totals.subtotalCents - pricing.totals.discountCents;
  return {
    lines: cart.items.map((item) => ({ ...item, lineTotalCents: item.product.priceCents * item.quantity })),
    ...pricing.totals,
    currency: cart.currency,
    taxMode: pricing.taxMode,
    discount: describeDiscount(pricing),
    shippingMethods: shippingMethodIds.map((id) => ({
      id,
      name: shippingMethods[id].name,
      delivery: shippingMethods[id].delivery,
      priceCents: country ? shippingCost(id, zoneOf(country), merchandiseCents) : null,
      freeFromCents: country ? shippingMethods[id].rates[zoneOf(country)].freeFromCents : null,
    })),
  };
}
