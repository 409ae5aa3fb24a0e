/** The catalog's sort orders. Kept free of zod: the sort menu ships to every catalog page. */
export const catalogSorts = ["newest", "price_asc", "price_desc", "name"] as const;
export type CatalogSort = (typeof catalogSorts)[number];
