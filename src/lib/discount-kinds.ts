import { formatMoney } from "./money";

/** percent: `value` is a whole percent (1–100); fixed: `value` is cents off the subtotal. */
export const discountKinds = ["percent", "fixed"] as const;
export type DiscountKind = (typeof discountKinds)[number];

export const discountKindLabels: Record<DiscountKind, string> = {
  percent: "Percentage off",
  fixed: "Fixed amount off",
};

/** What a code takes off, as a shopper would read it: "15% off", "$5.00 off". */
export function discountValueLabel(kind: DiscountKind, value: number, currency = "USD"): string {
  return kind === "percent" ? `${value}% off` : `${formatMoney(value, currency)} off`;
}
