"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { CATALOG_PAGE_SIZE, nextCatalogCursor } from "@/lib/catalog-params";
import type { CatalogSort } from "@/lib/validation/catalog";
import { useTRPC } from "@/trpc/react";
import { ProductCard } from "./product-card";

export function ProductGrid({ q, sort }: { q?: string; sort: CatalogSort }) {
  const trpc = useTRPC();
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage, isFetchNextPageError } = useSuspenseInfiniteQuery(
    trpc.catalog.list.infiniteQueryOptions(
      { q, sort, limit: CATALOG_PAGE_SIZE },
      { getNextPageParam: nextCatalogCursor },
    ),
  );
  const products = data.pages.flatMap((page) => page.items);

  if (products.length === 0) {
    return (
      <div className="empty-state" data-testid="empty-state">
        <p>{q ? `No products match “${q}”.` : "There are no products yet."}</p>
        {q ? <Link href="/">Browse all products</Link> : null}
      </div>
    );
  }

  return (
    <>
      <ul className="product-grid" aria-label="Products">
        {products.map((product) => (
          <li key={product.id}>
            <ProductCard product={product} />
          </li>
        ))}
      </ul>
      <div className="load-more" aria-live="polite">
        {isFetchNextPageError ? <p className="notice notice--error">Could not load more products. Try again.</p> : null}
        {hasNextPage ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void fetchNextPage()}
            disabled={isFetchingNextPage}
          >
            {isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        ) : (
          <p className="stock">You have seen all {products.length} products.</p>
        )}
      </div>
    </>
  );
}
