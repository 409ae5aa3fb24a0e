import { and, eq, sql } from "drizzle-orm";
import { products } from "../../db/schema";
import type { Db } from "../../db/types";
import { DomainError } from "../errors";
import type { ProductDto } from "@/lib/contracts/catalog";
import { productColumns, toProductDto } from "./product-row";

function prepareBySlug(db: Db) {
  return db
    .select(productColumns)
    .from(products)
    .where(and(eq(products.slug, sql.placeholder("slug")), eq(products.active, true)))
    .limit(1)
    .prepare("catalog_by_slug");
}

const preparedByDb = new WeakMap<Db, ReturnType<typeof prepareBySlug>>();

/** An active product by slug; archived and unknown products are both NOT_FOUND. */
export async function getProductBySlug(db: Db, slug: string): Promise<ProductDto> {
  let prepared = preparedByDb.get(db);
  if (!prepared) preparedByDb.set(db, (prepared = prepareBySlug(db)));
  const [row] = await prepared.execute({ slug });
  if (!row) throw new DomainError("NOT_FOUND", `No product is called "${slug}".`);
  return toProductDto(row);
}
