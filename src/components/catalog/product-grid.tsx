"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import { nextPageCursor } from "@/lib/paging";
import { catalogHref, catalogListInput, type CatalogView } from "@/lib/catalog-params";
import type { TaxMode } from "@/lib/shop/tax-rates";
import { useTRPC } from "@/trpc/react";
import { ProductCard } from "./product-card";

function emptyMessage({ q, inStock }: CatalogView, categoryName: string | undefined): string {
  const where = categoryName ? ` in ${categoryName}` : "";
  if (q) return `No products${where} match “${q}”${inStock ? " and are in stock" : ""}.`;
  if (inStock) return `Nothing${where} is in stock right now.`;
  return categoryName ? `There are no products in ${categoryName} yet.` : "There are no products yet.";
}

/** The way out of an empty view: drop the search and the stock filter first, then the category. */
function emptyAction(view: CatalogView, categoryName: string | undefined): { href: string; label: string } | undefined {
  if (view.category && (view.q || view.inStock)) {
    return { href: catalogHref({ ...view, q: undefined, inStock: false }), label: `Show all of ${categoryName}` };
  }
  if (view.category || view.q || view.inStock)
    return { href: catalogHref({ sort: view.sort, inStock: false }), label: "Browse all products" };
  return undefined;
}

export function ProductGrid({
  view,
  categoryName,
  taxMode,
}: {
  view: CatalogView;
  categoryName?: string;
  taxMode: TaxMode;
}) {
  const trpc = useTRPC();
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage, isFetchNextPageError } = useSuspenseInfiniteQuery(
    trpc.catalog.list.infiniteQueryOptions(catalogListInput(view), { getNextPageParam: nextPageCursor }),
  );
  const products = data.pages.flatMap((page) => page.items);

  if (products.length === 0) {
    const action = emptyAction(view, categoryName);
    return (
      <EmptyState
        testId="empty-state"
        message={emptyMessage(view, categoryName)}
        action={action ? { ...action, primary: false } : undefined}
      />
    );
  }

  return (
    <>
      <ul className="product-grid" aria-label="Products">
        {products.map((product) => (
          <li key={product.id}>
            <ProductCard product={product} taxMode={taxMode} />
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
