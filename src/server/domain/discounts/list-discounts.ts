import { desc, sql } from "drizzle-orm";
import type { AdminDiscountDto } from "@/lib/contracts/discounts";
import { discountCodes } from "../../db/schema";
import type { Db } from "../../db/types";
import { decodeCursor, encodeCursor, timestampCursorValue } from "../pagination/cursor";
import { adminDiscountColumns, toAdminDiscountDto } from "./admin-discount-row";

/** Every discount code, newest first, with its status at `now` and its usage. */
export async function listDiscounts(
  db: Db,
  options: { limit: number; cursor?: string },
  now = new Date(),
): Promise<{ items: AdminDiscountDto[]; nextCursor: string | null }> {
  const after = options.cursor ? decodeCursor(options.cursor, timestampCursorValue) : null;
  const rows = await db
    .select(adminDiscountColumns)
    .from(discountCodes)
    .where(
      after
        ? sql`(${discountCodes.createdAt}, ${discountCodes.id}) < (${after.value}::timestamptz, ${after.id}::uuid)`
        : undefined,
    )
    .orderBy(desc(discountCodes.createdAt), desc(discountCodes.id))
    .limit(options.limit + 1);
  const items = rows.slice(0, options.limit).map((row) => toAdminDiscountDto(row, now));
  const last = items.at(-1);
  const nextCursor = rows.length > options.limit && last ? encodeCursor({ value: last.createdAt, id: last.id }) : null;
  return { items, nextCursor };
}
