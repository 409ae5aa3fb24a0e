// Shared by the schema, the domain and the UI; no server imports here.
export const orderStatuses = ["awaiting_payment", "paid", "shipped", "delivered", "cancelled", "expired"] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const orderStatusLabels: Record<OrderStatus, string> = {
  awaiting_payment: "Awaiting payment",
  paid: "Paid",
  shipped: "Shipped",
  delivered: "Delivered",
  cancelled: "Cancelled",
  expired: "Expired",
};

/** A customer may cancel until the order ships. */
export const cancellableStatuses: readonly OrderStatus[] = ["awaiting_payment", "paid"];
