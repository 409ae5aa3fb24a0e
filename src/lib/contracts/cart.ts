import { z } from "zod";
import { MAX_LINE_QUANTITY } from "../cart-limits";
import { product } from "./catalog";
import { cents, currency } from "./common";

export { MAX_LINE_QUANTITY };

export const setCartItemInput = z.object({
  productId: z.uuid("Unknown product id"),
  quantity: z
    .number()
    .int("Quantity must be a whole number")
    .min(0, "Quantity cannot be negative")
    .max(MAX_LINE_QUANTITY, `At most ${MAX_LINE_QUANTITY} of one product per order`)
    .meta({ description: "The line's new quantity; 0 removes it.", example: 2 }),
});

export const cart = z
  .object({
    items: z.array(z.object({ product, quantity: z.number().int() })),
    subtotalCents: cents("Sum of the lines at today's prices."),
    currency,
  })
  .meta({ id: "Cart", description: "The caller's cart, priced from the database." });

export type SetCartItemInput = z.infer<typeof setCartItemInput>;
export type CartDto = z.infer<typeof cart>;
