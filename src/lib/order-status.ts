// Shared by the schema, the domain and the UI; no server imports here.
export const orderStatuses = ["pending", "paid", "shipped", "delivered", "cancelled"] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const orderStatusLabels: Record<OrderStatus, string> = {
  pending: "Pending",
  paid: "Paid",
  shipped: "Shipped",
  delivered: "Delivered",
  cancelled: "Cancelled",
};

/** A customer may cancel until the order ships. */
export const cancellableStatuses: readonly OrderStatus[] = ["pending", "paid"];
