import { and, asc, gte, inArray, lte, sql } from "drizzle-orm";
import type { DashboardDto } from "@/lib/contracts/admin";
import { orders, products } from "../../db/schema";
import type { Db } from "../../db/types";
import { listAllOrders } from "../orders/list-all-orders";

export const LOW_STOCK_THRESHOLD = 5;
const DAY_MS = 86_400_000;

function dayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** What a store owner looks at first: revenue and orders per day (UTC), what is running out, what just came in. */
export async function dashboardSummary(db: Db, options: { days: number; now?: Date }): Promise<DashboardDto> {
  const now = options.now ?? new Date();
  const since = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (options.days - 1) * DAY_MS,
  );
  const [perDay, lowStock, recent] = await Promise.all([
    db
      .select({
        day: sql<string>`to_char(${orders.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`,
        revenueCents: sql<number>`coalesce(sum(${orders.totalCents}), 0)::int`,
        orders: sql<number>`count(*)::int`,
      })
      .from(orders)
      // Revenue is money taken and kept: orders awaiting payment, expired or cancelled do not count.
      .where(and(gte(orders.createdAt, since), inArray(orders.status, ["paid", "shipped", "delivered"])))
      .groupBy(sql`1`),
    db
      .select({ id: products.id, slug: products.slug, name: products.name, stock: products.stock })
      .from(products)
      .where(and(sql`${products.active}`, lte(products.stock, LOW_STOCK_THRESHOLD)))
      .orderBy(asc(products.stock), asc(products.name))
      .limit(10),
    listAllOrders(db, { limit: 8 }),
  ]);
  const byDay = new Map(perDay.map((row) => [row.day, row]));
  const days = Array.from({ length: options.days }, (_, index) => {
    const date = dayKey(new Date(since.getTime() + index * DAY_MS));
    const row = byDay.get(date);
    return { date, revenueCents: row?.revenueCents ?? 0, orders: row?.orders ?? 0 };
  });
  return {
    days,
    totals: {
      revenueCents: days.reduce((sum, day) => sum + day.revenueCents, 0),
      orders: days.reduce((sum, day) => sum + day.orders, 0),
    },
    lowStock,
    recentOrders: recent.items,
  };
}
