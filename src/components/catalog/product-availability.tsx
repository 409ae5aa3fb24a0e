"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { AddToCart } from "@/components/cart/add-to-cart";
import { LiveStockUpdates } from "@/components/live/live-updates";
import { useTRPC } from "@/trpc/react";
import { StockLabel } from "./stock-label";

/**
 * Stock and the buy button of a product page, read from the hydrated product
 * query so live stock changes show at once: "Sold out" disables buying and a
 * restock enables it again.
 */
export function ProductAvailability({ slug, signedIn, since }: { slug: string; signedIn: boolean; since: string }) {
  const trpc = useTRPC();
  const { data: product } = useSuspenseQuery(trpc.catalog.bySlug.queryOptions({ slug }));
  return (
    <>
      <p data-testid="product-stock">
        <StockLabel stock={product.stock} />
      </p>
      <p>{product.description}</p>
      {signedIn ? (
        <AddToCart productId={product.id} productName={product.name} stock={product.stock} />
      ) : product.stock > 0 ? (
        <Link className="button" href={`/sign-in?callbackUrl=${encodeURIComponent(`/products/${product.slug}`)}`}>
          Sign in to buy
        </Link>
      ) : (
        <button type="button" className="button" disabled>
          Sold out
        </button>
      )}
      <LiveStockUpdates productIds={[product.id]} since={since} />
    </>
  );
}
