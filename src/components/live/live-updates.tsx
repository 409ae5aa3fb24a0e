"use client";

import { LiveStatus } from "./live-status";
import { useLiveOrders } from "./use-live-orders";
import { useLiveStock } from "./use-live-stock";

/**
 * Keeps the stock shown on this page current; all products unless some are
 * named. `since`: the live position the page's data was read at (`livePosition()`).
 */
export function LiveStockUpdates({ productIds, since }: { productIds?: string[]; since?: string }) {
  return <LiveStatus connection={useLiveStock(productIds, since)} subject="Stock levels" />;
}

/** Keeps the signed-in customer's order statuses on this page current, from `since` on. */
export function LiveOrderUpdates({ since }: { since?: string }) {
  return <LiveStatus connection={useLiveOrders(since)} subject="Order status" />;
}
