import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import { env } from "@/env";
import { Price } from "@/components/catalog/price";
import { OrderTotals } from "@/components/orders/order-totals";
import type { OrderDto } from "@/lib/contracts/orders";
import { storeTaxMode } from "@/server/tax-mode";

describe("a catalog price", () => {
  const setting = env.PRICES_INCLUDE_TAX;
  afterEach(() => {
    env.PRICES_INCLUDE_TAX = setting;
  });

  it("takes its tax mode from PRICES_INCLUDE_TAX", () => {
    env.PRICES_INCLUDE_TAX = false;
    expect(storeTaxMode()).toBe("exclusive");
    env.PRICES_INCLUDE_TAX = true;
    expect(storeTaxMode()).toBe("inclusive");
  });

  it("states the tax mode beside the amount, outside the element tests read the amount from", () => {
    const price = (taxMode: "exclusive" | "inclusive", testId?: string) =>
      renderToStaticMarkup(createElement(Price, { cents: 1_850, currency: "USD", taxMode, testId }));
    expect(price("exclusive", "product-price")).toBe(
      '<span><span data-testid="product-price">$18.50</span> <small class="tax-mode">excl. tax</small></span>',
    );
    expect(price("inclusive")).toBe('<span>$18.50 <small class="tax-mode">incl. tax</small></span>');
  });
});

describe("an order's totals on its page", () => {
  const order: OrderDto = {
    id: "3f1c2a9e-4b5d-4e6f-8a7b-0c1d2e3f4a5b",
    status: "paid",
    currency: "USD",
    itemCount: 2,
    createdAt: "2025-03-04T09:30:00.000Z",
    updatedAt: "2025-03-04T09:31:00.000Z",
    subtotalCents: 6_000,
    discountCents: 600,
    discountCode: "SPRING10",
    shippingCents: 0,
    shippingMethod: "standard",
    taxCents: 860,
    taxMode: "inclusive",
    totalCents: 5_400,
    shippingAddress: null,
    items: [],
    history: [],
    paymentDueAt: null,
    payments: [],
  };
  const rows = (html: string) =>
    [...html.matchAll(/<div class="summary-row[^"]*"[^>]*><span>([^<]*)<\/span><span>([^<]*)<\/span><\/div>/g)].map(
      ([, label, amount]) => `${label} ${amount}`,
    );

  it("lists each line as checkout charged it, saying tax was included in inclusive mode", () => {
    const html = renderToStaticMarkup(
      createElement(OrderTotals, { order, testIds: { totals: "order-totals", discount: "order-discount" } }),
    );
    expect(rows(html)).toEqual([
      "Subtotal $60.00",
      "Discount (SPRING10) −$6.00",
      "Shipping (Standard) Free",
      "Tax (included in the prices) $8.60",
      "Total $54.00",
    ]);
    expect(html).toContain('data-testid="order-discount"');
  });

  it("leaves out the discount when there was none, and says what an order from before shipping methods charged", () => {
    const old: OrderDto = {
      ...order,
      discountCents: 0,
      discountCode: null,
      shippingMethod: null,
      taxMode: "exclusive",
      totalCents: 6_860,
    };
    const html = renderToStaticMarkup(
      createElement(OrderTotals, { order: old, testIds: { totals: "order-totals", discount: "order-discount" } }),
    );
    expect(rows(html)).toEqual(["Subtotal $60.00", "Shipping $0.00", "Tax $8.60", "Total $68.60"]);
  });
});
