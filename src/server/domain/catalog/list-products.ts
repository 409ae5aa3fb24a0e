import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import type { CatalogSort } from "@/lib/contracts/catalog";
import { textInput } from "@/lib/validation/text";
import { products } from "../../db/schema";
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

function prepareVariant(db: Db, sort: CatalogSort, withCursor: boolean, withSearch: boolean) {
  const pattern = sql.placeholder("pattern");
  const conditions: SQL[] = [eq(products.active, true)];
  if (withSearch) conditions.push(sql`(${products.name} ilike ${pattern} or ${products.description} ilike ${pattern})`);
  if (withCursor) conditions.push(keysetCondition[sort]);
  return db
    .select(productColumns)
    .from(products)
    .where(and(...conditions))
    .orderBy(...ordering[sort])
    .limit(sql.placeholder("take"))
    .prepare(`catalog_list_${sort}_${withCursor ? "after" : "first"}_${withSearch ? "search" : "all"}`);
}

type PreparedList = ReturnType<typeof prepareVariant>;

// Sixteen fixed query shapes, each built and prepared once per database handle.
const preparedByDb = new WeakMap<Db, Map<string, PreparedList>>();

function preparedList(db: Db, sort: CatalogSort, withCursor: boolean, withSearch: boolean): PreparedList {
  let cache = preparedByDb.get(db);
  if (!cache) preparedByDb.set(db, (cache = new Map()));
  const key = `${sort}:${withCursor}:${withSearch}`;
  let prepared = cache.get(key);
  if (!prepared) cache.set(key, (prepared = prepareVariant(db, sort, withCursor, withSearch)));
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
  const rows = await preparedList(db, sort, cursor !== undefined, q !== undefined).execute({
    take: limit + 1,
    pattern: q === undefined ? undefined : likePattern(q),
    afterValue: cursor?.value,
    afterId: cursor?.id,
  });
  const items = rows.slice(0, limit).map(toProductDto);
  const last = items.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor({ value: sortValue(sort, last), id: last.id }) : null;
  return { items, nextCursor };
}
