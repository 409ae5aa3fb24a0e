import type { CheckoutQuoteDto } from "@/lib/contracts/checkout";
import { formatMoney } from "@/lib/money";
import type { ShippingMethodId } from "@/lib/shop/shipping-methods";

interface Props {
  quote: CheckoutQuoteDto;
  value: ShippingMethodId;
  onChange: (method: ShippingMethodId) => void;
  disabled: boolean;
}

function priceText(method: CheckoutQuoteDto["shippingMethods"][number], currency: string): string {
  if (method.priceCents === null) return "price after the address";
  const price = method.priceCents === 0 ? "Free" : formatMoney(method.priceCents, currency);
  return method.freeFromCents !== null && method.priceCents > 0
    ? `${price} (free from ${formatMoney(method.freeFromCents, currency)})`
    : price;
}

export function ShippingMethodPicker({ quote, value, onChange, disabled }: Props) {
  return (
    <fieldset className="field" disabled={disabled}>
      <legend>Shipping method</legend>
      {quote.shippingMethods.map((method) => (
        <label className="checkbox" key={method.id}>
          <input
            type="radio"
            name="shippingMethod"
            value={method.id}
            checked={value === method.id}
            onChange={() => onChange(method.id)}
          />
          <span>
            {method.name} · {method.delivery} ·{" "}
            <span data-testid={`shipping-price-${method.id}`}>{priceText(method, quote.currency)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
