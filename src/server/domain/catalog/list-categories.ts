import { and, asc, count, eq } from "drizzle-orm";
import type { CategoryDto } from "@/lib/contracts/catalog";
import { categories, products } from "../../db/schema";
import type { Db } from "../../db/types";

/** Every category in display order, with its number of active products (archived ones do not count). */
export async function listCategories(db: Db): Promise<CategoryDto[]> {
  return db
    .select({ id: categories.id, slug: categories.slug, name: categories.name, productCount: count(products.id) })
    .from(categories)
    .leftJoin(products, and(eq(products.categoryId, categories.id), eq(products.active, true)))
    .groupBy(categories.id)
    .orderBy(asc(categories.position), asc(categories.name));
}
