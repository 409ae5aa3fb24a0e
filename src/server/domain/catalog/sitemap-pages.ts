import { asc, eq, max } from "drizzle-orm";
import type { SitemapPagesDto } from "@/lib/contracts/sitemap";
import { categories, products } from "../../db/schema";
import type { Db } from "../../db/types";

/**
 * The catalog's pages for the sitemap: active products with their last change,
 * and categories with the newest change to any of their products. Archived
 * products count for their category: archiving one changes the category's page.
 */
export async function listSitemapPages(db: Db): Promise<SitemapPagesDto> {
  const [productRows, categoryRows] = await Promise.all([
    db
      .select({ slug: products.slug, updatedAt: products.updatedAt })
      .from(products)
      .where(eq(products.active, true))
      .orderBy(asc(products.slug)),
    db
      .select({ slug: categories.slug, updatedAt: max(products.updatedAt) })
      .from(categories)
      .leftJoin(products, eq(products.categoryId, categories.id))
      .groupBy(categories.id)
      .orderBy(asc(categories.position), asc(categories.name)),
  ]);
  return {
    products: productRows.map((row) => ({ slug: row.slug, updatedAt: row.updatedAt.toISOString() })),
    categories: categoryRows.map((row) => ({ slug: row.slug, updatedAt: row.updatedAt?.toISOString() ?? null })),
  };
}
