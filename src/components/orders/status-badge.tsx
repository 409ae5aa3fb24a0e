import { orderStatusLabels, type OrderStatus } from "@/lib/order-status";

export function StatusBadge({ status }: { status: OrderStatus }) {
  return (
    <span className={`badge badge--${status}`} data-testid="order-status">
      {orderStatusLabels[status]}
    </span>
  );
}
