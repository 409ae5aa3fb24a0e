import { and, desc, eq, lt, sql, type SQL } from "drizzle-orm";
import type { AdminOrderSummaryDto } from "@/lib/contracts/admin";
import type { OrderStatus } from "@/lib/order-status";
import { isShippingMethod } from "@/lib/shop/shipping-methods";
import { orders, users } from "../../db/schema";
import type { Db } from "../../db/types";
import { decodeCursor, encodeCursor, timestampCursorValue } from "../pagination/cursor";
import { orderColumns } from "./order-columns";

const itemCount = sql<number>`(select coalesce(sum(quantity), 0) from order_items where order_id = ${orders.id})::int`;

/**
 * Every customer's orders, newest first, optionally in one status: the
 * fulfilment queue. `stuckAfterSeconds`: only orders awaiting payment for longer.
 */
export async function listAllOrders(
  db: Db,
  options: { limit: number; cursor?: string; status?: OrderStatus; orderId?: string; stuckAfterSeconds?: number },
): Promise<{ items: AdminOrderSummaryDto[]; nextCursor: string | null }> {
  const conditions: SQL[] = [];
  if (options.status) conditions.push(eq(orders.status, options.status));
  if (options.orderId) conditions.push(eq(orders.id, options.orderId));
  if (options.stuckAfterSeconds !== undefined) {
    conditions.push(eq(orders.status, "awaiting_payment"));
    conditions.push(lt(orders.createdAt, new Date(Date.now() - options.stuckAfterSeconds * 1_000)));
  }
  if (options.cursor) {
    const after = decodeCursor(options.cursor, timestampCursorValue);
    conditions.push(sql`(${orders.createdAt}, ${orders.id}) < (${after.value}::timestamptz, ${after.id}::uuid)`);
  }
  const rows = await db
    .select({
      ...orderColumns,
      itemCount,
      customer: { id: users.id, email: users.email, name: users.name },
      shippingAddress: orders.shippingAddress,
      shippingMethod: orders.shippingMethod,
    })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.userId))
    .where(and(...conditions))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(options.limit + 1);
  const items = rows.slice(0, options.limit).map(({ shippingAddress, shippingMethod, ...row }) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    shipTo: shippingAddress
      ? { name: shippingAddress.name, city: shippingAddress.city, country: shippingAddress.country }
      : null,
    shippingMethod: isShippingMethod(shippingMethod) ? shippingMethod : null,
  }));
  const last = items.at(-1);
  const nextCursor = rows.length > options.limit && last ? encodeCursor({ value: last.createdAt, id: last.id }) : null;
  return { items, nextCursor };
}
