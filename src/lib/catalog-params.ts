import { catalogSorts, type CatalogSort } from "./catalog-sorts";

export const CATALOG_PAGE_SIZE = 12;

export const sortLabels: Record<CatalogSort, string> = {
  newest: "Newest",
  price_asc: "Price: low to high",
  price_desc: "Price: high to low",
  name: "Name",
};

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The catalog's URL state; anything unrecognised falls back to the defaults rather than erroring. */
export function parseCatalogParams(params: SearchParams): { q?: string; sort: CatalogSort } {
  const q = first(params.q)?.trim().slice(0, 100) || undefined;
  const rawSort = first(params.sort);
  const sort = catalogSorts.find((candidate) => candidate === rawSort) ?? "newest";
  return { q, sort };
}

export function catalogHref({ q, sort }: { q?: string; sort: CatalogSort }): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (sort !== "newest") params.set("sort", sort);
  const query = params.toString();
  return query ? `/?${query}` : "/";
}
