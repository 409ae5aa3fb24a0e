import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { OrderStatus } from "@/lib/order-status";
import { orders } from "../../db/schema";
import type { Db } from "../../db/types";
import type { Actor } from "../actor";
import { decodeCursor, encodeCursor, timestampCursorValue } from "../pagination/cursor";
import type { OrderPageDto } from "@/lib/contracts/orders";
import { orderColumns } from "./order-columns";

export interface ListOrdersOptions {
  limit: number;
  cursor?: string;
  status?: OrderStatus;
}

/** The actor's own orders, newest first, one keyset page at a time. */
export async function listOwnOrders(db: Db, actor: Actor, options: ListOrdersOptions): Promise<OrderPageDto> {
  const conditions: SQL[] = [eq(orders.userId, actor.id)];
  if (options.status) conditions.push(eq(orders.status, options.status));
  if (options.cursor) {
    const after = decodeCursor(options.cursor, timestampCursorValue);
    conditions.push(sql`(${orders.createdAt}, ${orders.id}) < (${after.value}::timestamptz, ${after.id}::uuid)`);
  }
  const rows = await db
    .select({
      ...orderColumns,
      itemCount: sql<number>`(select coalesce(sum(quantity), 0) from order_items where order_id = ${orders.id})::int`,
    })
    .from(orders)
    .where(and(...conditions))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(options.limit + 1);
  const items = rows.slice(0, options.limit).map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
  const last = items.at(-1);
  const nextCursor = rows.length > options.limit && last ? encodeCursor({ value: last.createdAt, id: last.id }) : null;
  return { items, nextCursor };
}
