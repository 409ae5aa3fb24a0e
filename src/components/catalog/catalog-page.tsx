import Link from "next/link";
import { LiveStockUpdates } from "@/components/live/live-updates";
import { catalogHref, catalogListInput, type CatalogView } from "@/lib/catalog-params";
import type { CategoryDto } from "@/lib/contracts/catalog";
import { nextPageCursor } from "@/lib/paging";
import { productCountText } from "@/lib/product-count";
import type { TaxMode } from "@/lib/shop/tax-rates";
import { getQueryClient, HydrateClient, livePosition, trpc } from "@/trpc/server";
import { CategoryNav } from "./category-nav";
import { InStockFilter } from "./in-stock-filter";
import { ProductGrid } from "./product-grid";
import { SortSelect } from "./sort-select";

function headingOf(view: CatalogView, category: CategoryDto | undefined): string {
  if (view.q) return category ? `Results for “${view.q}” in ${category.name}` : `Results for “${view.q}”`;
  return category?.name ?? "All products";
}

interface CatalogPageProps {
  view: CatalogView;
  categories: CategoryDto[];
  /** Stated beside every price; the route reads it on the server. */
  taxMode: TaxMode;
}

/** The catalog, whole (`category` unset) or one category of it: categories beside, the first page of products in the HTML. */
export async function CatalogPage({ view, categories, taxMode }: CatalogPageProps) {
  const category = categories.find((each) => each.slug === view.category);
  const total = categories.reduce((sum, each) => sum + each.productCount, 0);
  const since = await livePosition();
  // Awaited so the first page arrives with the HTML: the browser makes no data request on load.
  await getQueryClient().prefetchInfiniteQuery(
    trpc.catalog.list.infiniteQueryOptions(catalogListInput(view), { getNextPageParam: nextPageCursor }),
  );
  return (
    <HydrateClient>
      <div className="catalog">
        <CategoryNav categories={categories} total={total} view={view} />
        <section className="catalog__main" aria-labelledby="catalog-heading">
          <div className="catalog-toolbar">
            <div>
              <h1 id="catalog-heading">{headingOf(view, category)}</h1>
              {view.q ? (
                <Link href={catalogHref({ ...view, q: undefined })}>Clear search</Link>
              ) : view.inStock ? null : (
                // Counts are of everything for sale; with the stock filter on, the grid itself says what is left.
                <p className="catalog-toolbar__count">{productCountText(category?.productCount ?? total)}</p>
              )}
            </div>
            <div className="catalog-toolbar__controls">
              <InStockFilter view={view} />
              <SortSelect view={view} />
            </div>
          </div>
          <ProductGrid view={view} categoryName={category?.name} taxMode={taxMode} />
        </section>
      </div>
      <LiveStockUpdates since={since} />
    </HydrateClient>
  );
}
