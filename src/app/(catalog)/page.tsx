import Link from "next/link";
import { ProductGrid } from "@/components/catalog/product-grid";
import { LiveStockUpdates } from "@/components/live/live-updates";
import { SortSelect } from "@/components/catalog/sort-select";
import { nextPageCursor } from "@/lib/paging";
import { CATALOG_PAGE_SIZE, parseCatalogParams } from "@/lib/catalog-params";
import { getQueryClient, HydrateClient, livePosition, trpc } from "@/trpc/server";

interface HomePageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function HomePage({ searchParams }: HomePageProps) {
  const { q, sort } = parseCatalogParams(await searchParams);
  const since = await livePosition();
  // Awaited so the first page arrives with the HTML: the browser makes no data request on load.
  await getQueryClient().prefetchInfiniteQuery(
    trpc.catalog.list.infiniteQueryOptions({ q, sort, limit: CATALOG_PAGE_SIZE }, { getNextPageParam: nextPageCursor }),
  );
  return (
    <HydrateClient>
      <div className="catalog-toolbar">
        <div>
          <h1>{q ? `Results for “${q}”` : "All products"}</h1>
          {q ? <Link href={sort === "newest" ? "/" : `/?sort=${sort}`}>Clear search</Link> : null}
        </div>
        <SortSelect q={q} sort={sort} />
      </div>
      <ProductGrid q={q} sort={sort} />
      <LiveStockUpdates since={since} />
    </HydrateClient>
  );
}
