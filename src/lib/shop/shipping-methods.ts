import type { ShippingZone } from "./shipping-zones";

export const shippingMethodIds = ["standard", "express"] as const;
export type ShippingMethodId = (typeof shippingMethodIds)[number];

export function isShippingMethod(value: string | null): value is ShippingMethodId {
  return (shippingMethodIds as readonly (string | null)[]).includes(value);
}

interface ZoneRate {
  cents: number;
  /** Free when the merchandise total after discount reaches this; null: never free. */
  freeFromCents: number | null;
}

interface ShippingMethod {
  name: string;
  delivery: string;
  rates: Record<ShippingZone, ZoneRate>;
}

/** Rates in the store's currency, in the same tax mode as the catalog prices. */
export const shippingMethods: Record<ShippingMethodId, ShippingMethod> = {
  standard: {
    name: "Standard",
    delivery: "3–7 business days",
    rates: {
      domestic: { cents: 599, freeFromCents: 5_000 },
      "north-america": { cents: 1_299, freeFromCents: 10_000 },
      europe: { cents: 1_499, freeFromCents: 10_000 },
      world: { cents: 1_999, freeFromCents: null },
    },
  },
  express: {
    name: "Express",
    delivery: "1–2 business days",
    rates: {
      domestic: { cents: 1_499, freeFromCents: null },
      "north-america": { cents: 2_999, freeFromCents: null },
      europe: { cents: 3_499, freeFromCents: null },
      world: { cents: 4_499, freeFromCents: null },
    },
  },
};

/** What a method costs to a zone for a given merchandise total (after discount). */
export function shippingCost(method: ShippingMethodId, zone: ShippingZone, merchandiseCents: number): number {
  const rate = shippingMethods[method].rates[zone];
  return rate.freeFromCents !== null && merchandiseCents >= rate.freeFromCents ? 0 : rate.cents;
}
