import { discountStatusLabels, type DiscountStatus } from "@/lib/discount-status";

// The order badges' colours, reused: green usable, blue coming, amber paused, grey over.
const badgeClass: Record<DiscountStatus, string> = {
  active: "badge--delivered",
  scheduled: "badge--paid",
  paused: "badge--awaiting_payment",
  used_up: "badge--expired",
  ended: "badge--expired",
};

export function DiscountStatusBadge({ status }: { status: DiscountStatus }) {
  return (
    <span className={`badge ${badgeClass[status]}`} data-testid="discount-status" data-status={status}>
      {discountStatusLabels[status]}
    </span>
  );
}
