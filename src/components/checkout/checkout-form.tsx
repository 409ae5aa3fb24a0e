"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { EmptyState } from "@/components/ui/empty-state";
import { FieldError } from "@/components/forms/field-error";
import { newIdempotencyKey } from "@/lib/idempotency-key";
import { formatMoney } from "@/lib/money";
import { placeOrderInput } from "@/lib/contracts/orders";
import { errorCode, errorMessage, shortProductIds } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

export function CheckoutForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: cart } = useSuspenseQuery(trpc.cart.get.queryOptions());
  // One key per checkout attempt: a double click or a retry after a network error replays the same order.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [cardErrors, setCardErrors] = useState<string[] | undefined>();
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
    const form = new FormData(event.currentTarget);
    const parsed = placeOrderInput.safeParse({ idempotencyKey, payment: { cardNumber: form.get("cardNumber") } });
    if (!parsed.success) {
      setCardErrors(z.flattenError(parsed.error).fieldErrors.payment);
      return;
    }
    setCardErrors(undefined);
    placeOrder.mutate(parsed.data, {
      onSuccess: (order) => {
        setSucceeded(true);
        queryClient.setQueryData(trpc.cart.get.queryKey(), { items: [], subtotalCents: 0, currency: cart.currency });
        void queryClient.invalidateQueries(trpc.orders.list.pathFilter());
        router.push(`/orders/${order.id}?placed=1`);
      },
      onError: (error) => {
        const code = errorCode(error);
        // The cart has changed under us (stock ran out): show the current one.
        if (code === "CONFLICT") void queryClient.invalidateQueries({ queryKey: trpc.cart.get.queryKey() });
        // A new attempt after a decline, or after this key bought a different cart, gets a new key.
        if (code === "UNPROCESSABLE_CONTENT" || code === "PAYMENT_REQUIRED") setIdempotencyKey(newIdempotencyKey());
        const issues = (error.data?.issues ?? []).filter((issue) => issue.path.startsWith("payment"));
        if (issues.length > 0) setCardErrors(issues.map((issue) => issue.message));
      },
    });
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
          {placeOrder.isError && !cardErrors ? (
            <p className="notice notice--error" data-testid="checkout-error">
              {errorMessage(placeOrder.error)}
              {shortNames.length > 0 ? ` Sold out or short: ${shortNames.join(", ")}.` : null}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="cardNumber">Card number</label>
          <input
            id="cardNumber"
            name="cardNumber"
            className="input"
            inputMode="numeric"
            autoComplete="cc-number"
            placeholder="4242 4242 4242 4242"
            maxLength={40}
            aria-invalid={Boolean(cardErrors)}
            aria-describedby="card-hint card-error"
            onChange={() => setCardErrors(undefined)}
          />
          <p id="card-hint" className="field__hint">
            Test cards: 4242 4242 4242 4242 is approved, 4000 0000 0000 0002 is declined. No money moves.
          </p>
          <FieldError id="card-error" messages={cardErrors} />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Placing order…" : `Place order · ${formatMoney(cart.subtotalCents, cart.currency)}`}
        </button>
      </form>
    </div>
  );
}
