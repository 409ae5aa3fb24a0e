import { z } from "zod";
import { orderStatuses } from "../order-status";
import { cardNumberSchema } from "./card";

export const MAX_LINE_QUANTITY = 99;

export const setCartItemInput = z.object({
  productId: z.uuid("Unknown product id"),
  quantity: z
    .number()
    .int("Quantity must be a whole number")
    .min(0, "Quantity cannot be negative")
    .max(MAX_LINE_QUANTITY, `At most ${MAX_LINE_QUANTITY} of one product per order`),
});

export const placeOrderInput = z.object({
  idempotencyKey: z.uuid("The checkout key must be a UUID"),
  payment: z.object({ cardNumber: cardNumberSchema }),
});

export const ordersListInput = z.object({
  cursor: z.string().max(512, "Cursor is too long").optional(),
  limit: z.number().int().min(1).max(50).default(10),
  status: z.enum(orderStatuses).optional(),
});

export const orderIdInput = z.object({ id: z.uuid("Order ids are UUIDs") });

export type SetCartItemInput = z.infer<typeof setCartItemInput>;
export type PlaceOrderInput = z.infer<typeof placeOrderInput>;
