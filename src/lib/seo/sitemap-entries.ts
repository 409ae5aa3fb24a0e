import type { MetadataRoute } from "next";
import type { SitemapPagesDto } from "@/lib/contracts/sitemap";

function newest(dates: (string | null)[]): string | undefined {
  // ISO 8601 UTC strings of one format sort as text in time order.
  return dates.reduce<string | undefined>(
    (latest, date) => (date && (!latest || date > latest) ? date : latest),
    undefined,
  );
}

/**
 * The sitemap: the catalog's home, every category page and every product on
 * sale, at absolute addresses on the shop's public `origin`, each with when it
 * last changed (a page nothing has changed yet goes without).
 */
export function sitemapEntries(pages: SitemapPagesDto, origin: string): MetadataRoute.Sitemap {
  const at = (path: string, lastModified: string | null | undefined) => ({
    url: new URL(path, `${origin}/`).toString(),
    ...(lastModified ? { lastModified } : {}),
  });
  return [
    at("/", newest(pages.categories.map((category) => category.updatedAt))),
    ...pages.categories.map((category) => at(`/c/${category.slug}`, category.updatedAt)),
    ...pages.products.map((product) => at(`/products/${product.slug}`, product.updatedAt)),
  ];
}
