import type { PlaceOrderInput } from "@/lib/contracts/orders";

/** A US address with standard shipping: what a checkout needs besides its key. */
export const shipTo = {
  shippingAddress: {
    name: "Robin Buyer",
    line1: "1 Market Street",
    line2: "",
    city: "San Francisco",
    postalCode: "94105",
    country: "US",
    phone: "",
  },
  shippingMethod: "standard",
} as const satisfies Omit<PlaceOrderInput, "idempotencyKey">;

/** A checkout input with a fresh or given key, shipping as `shipTo`. */
export function checkoutWith(idempotencyKey: string, extra: Partial<PlaceOrderInput> = {}): PlaceOrderInput {
  return { idempotencyKey, ...shipTo, ...extra };
}
