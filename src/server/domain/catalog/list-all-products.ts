import { and, asc, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { AdminProductDto } from "@/lib/contracts/admin";
import { products } from "../../db/schema";
import type { Db } from "../../db/types";
import { decodeCursor, encodeCursor } from "../pagination/cursor";
import { adminProductColumns, toAdminProductDto } from "./admin-product-row";

/** Every product, archived ones included, by name: the admin's product table. */
export async function listAllProducts(
  db: Db,
  options: { limit: number; cursor?: string; q?: string },
): Promise<{ items: AdminProductDto[]; nextCursor: string | null }> {
  const conditions: SQL[] = [];
  if (options.cursor) {
    const after = decodeCursor(options.cursor, z.string().max(500));
    conditions.push(sql`(${products.name}, ${products.id}) > (${after.value}::text, ${after.id}::uuid)`);
  }
  const q = options.q?.trim();
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    conditions.push(or(ilike(products.name, pattern), ilike(products.slug, pattern)) as SQL);
  }
  const rows = await db
    .select(adminProductColumns)
    .from(products)
    .where(and(...conditions))
    .orderBy(asc(products.name), asc(products.id))
    .limit(options.limit + 1);
  const items = rows.slice(0, options.limit).map(toAdminProductDto);
  const last = items.at(-1);
  const nextCursor = rows.length > options.limit && last ? encodeCursor({ value: last.name, id: last.id }) : null;
  return { items, nextCursor };
}
