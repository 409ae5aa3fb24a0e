import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import type { CatalogSort } from "@/lib/contracts/catalog";
import { textInput } from "@/lib/validation/text";
import { categories, products } from "../../db/schema";
import type { Db } from "../../db/types";
import { z } from "zod";
import { decodeCursor, encodeCursor, timestampCursorValue } from "../pagination/cursor";
import type { ProductDto } from "@/lib/contracts/catalog";
import { productColumns, toProductDto } from "./product-row";

export interface ListProductsOptions {
  sort: CatalogSort;
  limit: number;
  cursor?: string;
  q?: string;
  /** A category's slug. */
  category?: string;
  inStock?: boolean;
}

/** Which optional filters a query shape has: each combination is its own prepared statement. */
interface Variant {
  sort: CatalogSort;
  withCursor: boolean;
  withSearch: boolean;
  withCategory: boolean;
  inStockOnly: boolean;
}

export interface ProductPage {
  items: ProductDto[];
  nextCursor: string | null;
}

const cursorValueBySort: Record<CatalogSort, z.ZodType<string | number>> = {
  newest: timestampCursorValue,
  price_asc: z.number().int().min(0).max(2_147_483_647),
  price_desc: z.number().int().min(0).max(2_147_483_647),
  name: textInput(500, "Cursor is too long"),
};

const after = { value: sql.placeholder("afterValue"), id: sql.placeholder("afterId") };

// Row comparison keeps keyset paging exact when the sort column has ties.
const keysetCondition: Record<CatalogSort, SQL> = {
  newest: sql`(${products.createdAt}, ${products.id}) < (${after.value}::timestamptz, ${after.id}::uuid)`,
  price_asc: sql`(${products.priceCents}, ${products.id}) > (${after.value}::integer, ${after.id}::uuid)`,
  price_desc: sql`(${products.priceCents}, ${products.id}) < (${after.value}::integer, ${after.id}::uuid)`,
  name: sql`(${products.name}, ${products.id}) > (${after.value}::text, ${after.id}::uuid)`,
};

const ordering: Record<CatalogSort, SQL[]> = {
  newest: [desc(products.createdAt), desc(products.id)],
  price_asc: [asc(products.priceCents), asc(products.id)],
  price_desc: [desc(products.priceCents), desc(products.id)],
  name: [asc(products.name), asc(products.id)],
};

function sortValue(sort: CatalogSort, item: ProductDto): string | number {
  if (sort === "newest") return item.createdAt;
  if (sort === "name") return item.name;
  return item.priceCents;
}

function prepareVariant(db: Db, variant: Variant) {
  const { sort, withCursor, withSearch, withCategory, inStockOnly } = variant;
  const pattern = sql.placeholder("pattern");
  const conditions: SQL[] = [eq(products.active, true)];
  if (withSearch) conditions.push(sql`(${products.name} ilike ${pattern} or ${products.description} ilike ${pattern})`);
  if (withCategory) {
    conditions.push(
      sql`${products.categoryId} = (select ${categories.id} from ${categories} where ${categories.slug} = ${sql.placeholder("category")})`,
    );
  }
  if (inStockOnly) conditions.push(sql`${products.stock} > 0`);
  if (withCursor) conditions.push(keysetCondition[sort]);
  return db
    .select(productColumns)
    .from(products)
    .where(and(...conditions))
    .orderBy(...ordering[sort])
    .limit(sql.placeholder("take"))
    .prepare(`catalog_list_${variantKey(variant).replaceAll(":", "_")}`);
}

type PreparedList = ReturnType<typeof prepareVariant>;

function variantKey(variant: Variant): string {
  const { sort, withCursor, withSearch, withCategory, inStockOnly } = variant;
  return [
    sort,
    withCursor ? "after" : "first",
    withSearch ? "search" : "all",
    withCategory ? "category" : "any",
    inStockOnly ? "instock" : "anystock",
  ].join(":");
}

// A fixed set of query shapes (4 sorts × 4 optional filters), each built and prepared on first use per database handle.
const preparedByDb = new WeakMap<Db, Map<string, PreparedList>>();

function preparedList(db: Db, variant: Variant): PreparedList {
  let cache = preparedByDb.get(db);
  if (!cache) preparedByDb.set(db, (cache = new Map()));
  const key = variantKey(variant);
  let prepared = cache.get(key);
  if (!prepared) cache.set(key, (prepared = prepareVariant(db, variant)));
  return prepared;
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Active products, one keyset page at a time: no duplicates or gaps while rows are added. */
export async function listProducts(db: Db, options: ListProductsOptions): Promise<ProductPage> {
  const { sort, limit } = options;
  const q = options.q?.trim() || undefined;
  const cursor = options.cursor ? decodeCursor(options.cursor, cursorValueBySort[sort]) : undefined;
  const rows = await preparedList(db, {
    sort,
    withCursor: cursor !== undefined,
    withSearch: q !== undefined,
    withCategory: options.category !== undefined,
    inStockOnly: options.inStock === true,
  }).execute({
    take: limit + 1,
    pattern: q === undefined ? undefined : likePattern(q),
    category: options.category,
    afterValue: cursor?.value,
    afterId: cursor?.id,
  });
  const items = rows.slice(0, limit).map(toProductDto);
  const last = items.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor({ value: sortValue(sort, last), id: last.id }) : null;
  return { items, nextCursor };
}
