"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { newIdempotencyKey } from "@/lib/idempotency-key";
import { formatMoney } from "@/lib/money";
import { errorCode, errorMessage, shortProductIds } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

export function CheckoutForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: cart } = useSuspenseQuery(trpc.cart.get.queryOptions());
  // One key per checkout attempt: a double click or a retry after a network error replays the same order.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const placeOrder = useMutation(trpc.checkout.placeOrder.mutationOptions());
  const [succeeded, setSucceeded] = useState(false);
  const busy = placeOrder.isPending || succeeded;

  if (cart.items.length === 0 && !busy) {
    return (
      <EmptyState
        testId="empty-cart"
        message="Your cart is empty, so there is nothing to check out."
        action={{ href: "/", label: "Browse products" }}
      />
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    placeOrder.mutate(
      { idempotencyKey },
      {
        onSuccess: ({ order, paymentUrl }) => {
          setSucceeded(true);
          queryClient.setQueryData(trpc.cart.get.queryKey(), { items: [], subtotalCents: 0, currency: cart.currency });
          void queryClient.invalidateQueries(trpc.orders.list.pathFilter());
          // The card is taken on the provider's own page; it sends the shopper back to the order.
          if (paymentUrl) window.location.assign(paymentUrl);
          else router.push(`/orders/${order.id}`);
        },
        onError: (error) => {
          const code = errorCode(error);
          // The cart has changed under us (stock ran out): show the current one.
          if (code === "CONFLICT") void queryClient.invalidateQueries({ queryKey: trpc.cart.get.queryKey() });
          // This key bought a different cart: the next attempt is a new checkout.
          if (code === "UNPROCESSABLE_CONTENT") setIdempotencyKey(newIdempotencyKey());
        },
      },
    );
  }

  const shortIds = new Set(errorCode(placeOrder.error) === "CONFLICT" ? shortProductIds(placeOrder.error) : []);
  const shortNames = cart.items.filter((item) => shortIds.has(item.product.id)).map((item) => item.product.name);

  return (
    <div className="product-detail">
      <section className="panel" aria-labelledby="review-title">
        <h2 id="review-title" style={{ marginTop: 0 }}>
          Review your order
        </h2>
        {cart.items.map(({ product, quantity }) => (
          <div className="summary-row" key={product.id} data-testid="checkout-line">
            <span>
              {quantity} × {product.name}
              {product.stock < quantity ? <span className="stock stock--out"> (only {product.stock} left)</span> : null}
            </span>
            <span>{formatMoney(product.priceCents * quantity, product.currency)}</span>
          </div>
        ))}
        <div className="summary-row summary-row--total">
          <span>Total</span>
          <span data-testid="checkout-total">{formatMoney(cart.subtotalCents, cart.currency)}</span>
        </div>
        <p>
          <Link href="/cart">Edit cart</Link>
        </p>
      </section>
      <form className="form panel" onSubmit={submit} noValidate aria-labelledby="payment-title">
        <h2 id="payment-title" style={{ marginTop: 0 }}>
          Payment
        </h2>
        <div aria-live="polite">
          {placeOrder.isError ? (
            <p className="notice notice--error" data-testid="checkout-error">
              {errorMessage(placeOrder.error)}
              {shortNames.length > 0 ? ` Sold out or short: ${shortNames.join(", ")}.` : null}
            </p>
          ) : null}
        </div>
        <p>
          You pay on the payment provider&apos;s secure page; your card details never reach this shop. The items are
          held for you while you pay.
        </p>
        <button type="submit" className="button" disabled={busy}>
          {busy
            ? "Opening the payment page…"
            : `Continue to payment · ${formatMoney(cart.subtotalCents, cart.currency)}`}
        </button>
      </form>
    </div>
  );
}
