"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import { nextPageCursor } from "@/lib/paging";
import { CATALOG_PAGE_SIZE } from "@/lib/catalog-params";
import type { CatalogSort } from "@/lib/contracts/catalog";
import { useTRPC } from "@/trpc/react";
import { ProductCard } from "./product-card";

export function ProductGrid({ q, sort }: { q?: string; sort: CatalogSort }) {
  const trpc = useTRPC();
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage, isFetchNextPageError } = useSuspenseInfiniteQuery(
    trpc.catalog.list.infiniteQueryOptions({ q, sort, limit: CATALOG_PAGE_SIZE }, { getNextPageParam: nextPageCursor }),
  );
  const products = data.pages.flatMap((page) => page.items);

  if (products.length === 0) {
    return (
      <EmptyState
        testId="empty-state"
        message={q ? `No products match “${q}”.` : "There are no products yet."}
        action={q ? { href: "/", label: "Browse all products", primary: false } : undefined}
      />
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
      <LoadMore
        noun="products"
        hasNextPage={hasNextPage}
        isFetchingNextPage={isFetchingNextPage}
        isError={isFetchNextPageError}
        fetchNextPage={fetchNextPage}
        endMessage={`You have seen all ${products.length} products.`}
      />
    </>
  );
}
