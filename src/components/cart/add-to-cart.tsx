"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { MAX_LINE_QUANTITY } from "@/lib/cart-limits";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

interface AddToCartProps {
  productId: string;
  productName: string;
  stock: number;
}

export function AddToCart({ productId, productName, stock }: AddToCartProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: cart } = useQuery(trpc.cart.get.queryOptions());
  const inCart = cart?.items.find((item) => item.product.id === productId)?.quantity ?? 0;
  const canAdd = Math.min(stock, MAX_LINE_QUANTITY) - inCart;
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState<number | null>(null);
  const setItem = useMutation(
    trpc.cart.setItem.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.cart.get.queryKey(), updated);
        void queryClient.invalidateQueries(trpc.checkout.quote.pathFilter());
      },
    }),
  );

  if (stock <= 0) {
    return (
      <button type="button" className="button" disabled>
        Sold out
      </button>
    );
  }

  function add() {
    const chosen = Math.min(quantity, canAdd);
    setAdded(null);
    setItem.mutate({ productId, quantity: inCart + chosen }, { onSuccess: () => setAdded(chosen) });
  }

  return (
    <div className="stack">
      <div className="row">
        <div className="field">
          <label htmlFor="add-quantity">Quantity</label>
          <select
            id="add-quantity"
            className="select"
            value={Math.min(quantity, Math.max(canAdd, 1))}
            onChange={(event) => setQuantity(Number(event.target.value))}
            disabled={canAdd <= 0}
          >
            {Array.from({ length: Math.max(Math.min(canAdd, 10), 1) }, (_, index) => index + 1).map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button"
          onClick={add}
          disabled={setItem.isPending || canAdd <= 0}
          style={{ alignSelf: "end" }}
        >
          {setItem.isPending ? "Adding…" : "Add to cart"}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="add-to-cart-status">
        {added !== null ? (
          <p className="notice notice--success">
            Added {added} × {productName} to your cart. <Link href="/cart">View cart</Link>
          </p>
        ) : null}
        {setItem.isError ? <p className="notice notice--error">{errorMessage(setItem.error)}</p> : null}
        {canAdd <= 0 && inCart > 0 ? (
          <p className="stock">
            Your cart already holds all {inCart} available. <Link href="/cart">View cart</Link>
          </p>
        ) : null}
      </div>
    </div>
  );
}
