import Link from "next/link";
import type { CheckoutQuoteDto } from "@/lib/contracts/checkout";
import { formatMoney } from "@/lib/money";
import { taxModeLabel } from "@/lib/shop/tax-rates";

/** The lines and the total's parts, as the server priced them: the browser computes no money. */
export function OrderSummary({ quote, stale }: { quote: CheckoutQuoteDto; stale: boolean }) {
  const money = (cents: number) => formatMoney(cents, quote.currency);
  const pending = "Enter an address";
  return (
    <section className="panel" aria-labelledby="review-title" aria-busy={stale}>
      <h2 id="review-title" style={{ marginTop: 0 }}>
        Order summary
      </h2>
      {quote.lines.map(({ product, quantity, lineTotalCents }) => (
        <div className="summary-row" key={product.id} data-testid="checkout-line">
          <span>
            {quantity} × {product.name}
            {product.stock < quantity ? <span className="stock stock--out"> (only {product.stock} left)</span> : null}
          </span>
          <span>{money(lineTotalCents)}</span>
        </div>
      ))}
      <div className="summary-row summary-row--subtotal" style={{ borderTop: "1px solid var(--border)" }}>
        <span>Subtotal</span>
        <span data-testid="checkout-subtotal">{money(quote.subtotalCents)}</span>
      </div>
      {quote.discountCents > 0 ? (
        <div className="summary-row">
          <span>Discount ({quote.discount?.code})</span>
          <span data-testid="checkout-discount">−{money(quote.discountCents)}</span>
        </div>
      ) : null}
      <div className="summary-row">
        <span>Shipping</span>
        <span data-testid="checkout-shipping">
          {quote.shippingCents === null ? pending : quote.shippingCents === 0 ? "Free" : money(quote.shippingCents)}
        </span>
      </div>
      <div className="summary-row">
        <span>{quote.taxMode === "inclusive" ? "Tax included" : "Tax"}</span>
        <span data-testid="checkout-tax">{quote.taxCents === null ? pending : money(quote.taxCents)}</span>
      </div>
      <div className="summary-row summary-row--total">
        <span>Total</span>
        <span data-testid="checkout-total">{money(quote.totalCents)}</span>
      </div>
      <p className="field__hint">
        Prices are {taxModeLabel(quote.taxMode)}. <Link href="/cart">Edit cart</Link>
      </p>
    </section>
  );
}
