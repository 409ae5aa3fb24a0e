"use client";

import { useMutation, useQueryClient, useSuspenseInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import { formatMoney } from "@/lib/money";
import { nextPageCursor } from "@/lib/paging";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { ADMIN_PAGE_SIZE } from "./paging";
import { SearchForm } from "./search-form";
import { StockDialog } from "./stock-dialog";

type AdminProduct = RouterOutputs["admin"]["products"]["list"]["items"][number];

function ArchiveButton({ product }: { product: AdminProduct }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const archive = useMutation(
    trpc.admin.products.archive.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.admin.products.pathFilter()),
    }),
  );
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        disabled={archive.isPending}
        onClick={() => {
          if (window.confirm(`Archive ${product.name}? It leaves the catalog; past orders keep it.`)) {
            archive.mutate({ id: product.id });
          }
        }}
      >
        {archive.isPending ? "Archiving…" : "Archive"}
        <span className="visually-hidden"> {product.name}</span>
      </button>
      {archive.isError ? <span className="field__error">{errorMessage(archive.error)}</span> : null}
    </>
  );
}

export function AdminProductTable({ q }: { q?: string }) {
  const trpc = useTRPC();
  const [adjusting, setAdjusting] = useState<AdminProduct | null>(null);
  const { data, hasNextPage, fetchNextPage, isFetchingNextPage, isFetchNextPageError } = useSuspenseInfiniteQuery(
    trpc.admin.products.list.infiniteQueryOptions({ q, limit: ADMIN_PAGE_SIZE }, { getNextPageParam: nextPageCursor }),
  );
  const products = data.pages.flatMap((page) => page.items);

  return (
    <div className="stack">
      <SearchForm action="/admin/products" q={q} label="Search products" />
      {products.length === 0 ? (
        <EmptyState testId="no-products" message={q ? `No products match “${q}”.` : "There are no products yet."} />
      ) : (
        <div className="table-scroll">
          <table className="table table--stack" data-testid="admin-products">
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col" className="num">
                  Price
                </th>
                <th scope="col" className="num">
                  Stock
                </th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {products.map((product) => (
                <tr key={product.id} data-testid="admin-product-row">
                  <td data-label="Product">
                    <Link href={`/admin/products/${product.id}`}>{product.name}</Link>
                    <br />
                    <span className="stock">/{product.slug}</span>
                  </td>
                  <td className="num" data-label="Price">
                    {formatMoney(product.priceCents, product.currency)}
                  </td>
                  <td className="num" data-testid="admin-stock" data-label="Stock">
                    {product.stock}
                  </td>
                  <td data-label="Status">{product.active ? "Active" : "Archived"}</td>
                  <td>
                    <div className="row row--tight">
                      <button type="button" className="button button--secondary" onClick={() => setAdjusting(product)}>
                        Adjust stock<span className="visually-hidden"> of {product.name}</span>
                      </button>
                      {product.active ? <ArchiveButton product={product} /> : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore
        noun="products"
        hasNextPage={hasNextPage}
        isFetchingNextPage={isFetchingNextPage}
        isError={isFetchNextPageError}
        fetchNextPage={fetchNextPage}
      />
      {adjusting ? <StockDialog product={adjusting} onClose={() => setAdjusting(null)} /> : null}
    </div>
  );
}
