import { catalogSorts, type CatalogSort } from "./catalog-sorts";

export const CATALOG_PAGE_SIZE = 12;

export const sortLabels: Record<CatalogSort, string> = {
  newest: "Newest",
  price_asc: "Price: low to high",
  price_desc: "Price: high to low",
  name: "Name",
};

/** What a catalog page shows: one category or all (`category` unset), searched, sorted, maybe in stock only. */
export interface CatalogView {
  category?: string;
  q?: string;
  sort: CatalogSort;
  inStock: boolean;
}

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The catalog's URL state; anything unrecognised falls back to the defaults rather than erroring. */
export function parseCatalogParams(params: SearchParams, category?: string): CatalogView {
  const q = first(params.q)?.trim().slice(0, 100) || undefined;
  const rawSort = first(params.sort);
  const sort = catalogSorts.find((candidate) => candidate === rawSort) ?? "newest";
  return { category, q, sort, inStock: first(params.inStock) === "1" };
}

/** The page for a view: `/` or `/c/<category>`, with only the settings that differ from the defaults. */
export function catalogHref({ category, q, sort, inStock }: CatalogView): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (sort !== "newest") params.set("sort", sort);
  if (inStock) params.set("inStock", "1");
  const query = params.toString();
  const path = category ? `/c/${category}` : "/";
  return query ? `${path}?${query}` : path;
}

/** catalog.list's input for a view, built in one place so the server's prefetch and the grid share one cache entry. */
export function catalogListInput({ category, q, sort, inStock }: CatalogView) {
  return {
    q,
    sort,
    limit: CATALOG_PAGE_SIZE,
    ...(category ? { category } : {}),
    ...(inStock ? { inStock: true } : {}),
  };
}
