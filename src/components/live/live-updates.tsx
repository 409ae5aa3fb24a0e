"use client";

import { LiveStatus } from "./live-status";
import { useLiveOrders } from "./use-live-orders";
import { useLiveStock } from "./use-live-stock";

/** Keeps the stock shown on this page current; all products unless some are named. */
export function LiveStockUpdates({ productIds }: { productIds?: string[] }) {
  return <LiveStatus connection={useLiveStock(productIds)} subject="Stock levels" />;
}

/** Keeps the signed-in customer's order statuses on this page current. */
export function LiveOrderUpdates() {
  return <LiveStatus connection={useLiveOrders()} subject="Order status" />;
}
