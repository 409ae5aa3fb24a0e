import type { OrderDto } from "@/lib/contracts/orders";
import { orderTotalLines } from "@/lib/order-total-lines";

/** The total's lines as checkout charged them, for the customer's order page and the admin's alike. */
export function OrderTotals({ order, testIds }: { order: OrderDto; testIds: { totals: string; discount: string } }) {
  return (
    <div data-testid={testIds.totals}>
      {orderTotalLines(order, order.currency).map((line) => (
        <div
          key={line.part}
          className={line.part === "total" ? "summary-row summary-row--total" : "summary-row"}
          data-testid={line.part === "discount" ? testIds.discount : undefined}
        >
          <span>{line.label}</span>
          <span>{line.amount}</span>
        </div>
      ))}
    </div>
  );
}
