"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Price } from "@/components/catalog/price";
import { EmptyState } from "@/components/ui/empty-state";
import { MAX_LINE_QUANTITY } from "@/lib/cart-limits";
import type { TaxMode } from "@/lib/shop/tax-rates";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { useSetCartItem } from "./use-set-cart-item";

/** `taxMode`: the store's setting, read by the page on the server and stated beside every price. */
export function CartView({ taxMode }: { taxMode: TaxMode }) {
  const trpc = useTRPC();
  const { data: cart } = useSuspenseQuery(trpc.cart.get.queryOptions());
  const setItem = useSetCartItem();

  if (cart.items.length === 0) {
    return (
      <EmptyState testId="empty-cart" message="Your cart is empty." action={{ href: "/", label: "Browse products" }} />
    );
  }

  return (
    <div className="stack">
      <div role="status" aria-live="polite">
        {/* The change shows at once (optimistically); screen readers hear when it is saved. */}
        {setItem.isPending ? <span className="visually-hidden">Saving your cart…</span> : null}
        {setItem.isSuccess ? <span className="visually-hidden">Your cart is saved.</span> : null}
        {setItem.isError ? (
          <p className="notice notice--error" data-testid="cart-error">
            {errorMessage(setItem.error)} Your cart was left as it was.
          </p>
        ) : null}
      </div>
      <div className="table-scroll">
        <table className="table table--stack">
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col" className="num">
                Price
              </th>
              <th scope="col">Quantity</th>
              <th scope="col" className="num">
                Total
              </th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {cart.items.map(({ product, quantity }) => {
              const max = Math.max(Math.min(product.stock, MAX_LINE_QUANTITY), quantity);
              return (
                <tr key={product.id} data-testid="cart-line">
                  <td data-label="Product">
                    <Link href={`/products/${product.slug}`}>{product.name}</Link>
                    {product.stock < quantity ? (
                      <p className="stock stock--out">Only {product.stock} left: lower the quantity to check out.</p>
                    ) : null}
                  </td>
                  <td className="num" data-label="Price">
                    <Price cents={product.priceCents} currency={product.currency} taxMode={taxMode} />
                  </td>
                  <td data-label="Quantity">
                    <label className="visually-hidden" htmlFor={`quantity-${product.id}`}>
                      Quantity of {product.name}
                    </label>
                    <select
                      id={`quantity-${product.id}`}
                      className="select"
                      style={{ width: "5rem" }}
                      value={quantity}
                      onChange={(event) =>
                        setItem.mutate({ productId: product.id, quantity: Number(event.target.value) })
                      }
                    >
                      {Array.from({ length: max }, (_, index) => index + 1).map((value) => (
                        <option key={value} value={value}>
                          {value}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="num" data-label="Total">
                    <Price
                      cents={product.priceCents * quantity}
                      currency={product.currency}
                      taxMode={taxMode}
                      testId="line-total"
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--link"
                      onClick={() => setItem.mutate({ productId: product.id, quantity: 0 })}
                    >
                      Remove<span className="visually-hidden"> {product.name}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="panel" style={{ maxWidth: "24rem", marginLeft: "auto", width: "100%" }}>
        <div className="summary-row summary-row--total">
          <span>Subtotal</span>
          <Price cents={cart.subtotalCents} currency={cart.currency} taxMode={taxMode} testId="cart-subtotal" />
        </div>
        <p className="stock">
          {taxMode === "inclusive"
            ? "Shipping is worked out at checkout, from your address."
            : "Shipping and tax are worked out at checkout, from your address."}
        </p>
        <Link href="/checkout" className="button" style={{ width: "100%" }}>
          Check out
        </Link>
      </div>
    </div>
  );
}
