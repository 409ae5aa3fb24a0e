import type { OrderDto } from "./contracts/orders";
import { formatMoney } from "./money";
import { shippingMethodName } from "./shipping-method-name";

export type OrderTotalsFields = Pick<
  OrderDto,
  | "subtotalCents"
  | "discountCents"
  | "discountCode"
  | "shippingCents"
  | "shippingMethod"
  | "taxCents"
  | "taxMode"
  | "totalCents"
>;

export interface OrderTotalLine {
  part: "subtotal" | "discount" | "shipping" | "tax" | "total";
  label: string;
  amount: string;
}

/**
 * The total's lines as checkout charged them, never recomputed from today's prices or rates;
 * worded once for the order pages and the mails.
 */
export function orderTotalLines(order: OrderTotalsFields, currency = "USD"): OrderTotalLine[] {
  const money = (cents: number) => formatMoney(cents, currency);
  const lines: OrderTotalLine[] = [{ part: "subtotal", label: "Subtotal", amount: money(order.subtotalCents) }];
  if (order.discountCents > 0 || order.discountCode) {
    lines.push({
      part: "discount",
      label: order.discountCode ? `Discount (${order.discountCode})` : "Discount",
      amount: `−${money(order.discountCents)}`,
    });
  }
  lines.push(
    {
      part: "shipping",
      label: order.shippingMethod ? `Shipping (${shippingMethodName(order.shippingMethod)})` : "Shipping",
      // "Free" only where a method was chosen: orders from before shipping methods simply charged none.
      amount: order.shippingMethod && order.shippingCents === 0 ? "Free" : money(order.shippingCents),
    },
    {
      part: "tax",
      label: order.taxMode === "inclusive" ? "Tax (included in the prices)" : "Tax",
      amount: money(order.taxCents),
    },
    { part: "total", label: "Total", amount: money(order.totalCents) },
  );
  return lines;
}
