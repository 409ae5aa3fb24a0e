import { z } from "zod";
import { orderStatuses } from "../order-status";
import { shippingMethodIds } from "../shop/shipping-methods";
import { taxModes } from "../shop/tax-rates";
import { address, addressFields } from "./address";
import { discountCodeInput, shippingMethodInput } from "./checkout";
import { cents, currency, cursorInput, isoDateTime, nextCursor } from "./common";

export const placeOrderInput = z.object({
  idempotencyKey: z
    .uuid("The checkout key must be a UUID")
    .meta({ description: "One per checkout attempt: repeating it returns the same order." }),
  shippingAddress: addressFields,
  shippingMethod: shippingMethodInput,
  discountCode: discountCodeInput.optional(),
});

export const ordersListInput = z.object({
  cursor: cursorInput,
  limit: z.number().int().min(1).max(50).default(10).meta({ description: "Orders per page (1 to 50)." }),
  status: z.enum(orderStatuses).optional().meta({ description: "Only orders in this status." }),
});

export const orderIdInput = z.object({ id: z.uuid("Order ids are UUIDs") });

export const orderSummary = z
  .object({
    id: z.uuid(),
    status: z.enum(orderStatuses),
    totalCents: cents("What was charged."),
    currency,
    itemCount: z.number().int(),
    createdAt: isoDateTime,
  })
  .meta({ id: "OrderSummary" });

export const order = orderSummary
  .extend({
    updatedAt: isoDateTime,
    subtotalCents: cents("Sum of the lines."),
    discountCents: cents("Taken off by the discount code."),
    shippingCents: cents("Shipping as charged."),
    taxCents: cents("Tax as charged, or contained in the prices when taxMode is inclusive."),
    taxMode: z.enum(taxModes),
    discountCode: z.string().nullable(),
    shippingMethod: z
      .enum(shippingMethodIds)
      .nullable()
      .meta({ description: "Null on orders placed before shipping methods." }),
    shippingAddress: address
      .nullable()
      .meta({ description: "A copy made at checkout; null on orders placed before addresses." }),
    items: z.array(
      z.object({
        productId: z.uuid(),
        productName: z.string().meta({ description: "As it was called when bought." }),
        productSlug: z.string(),
        unitPriceCents: cents("Price per unit when bought."),
        quantity: z.number().int(),
        lineTotalCents: z.number().int(),
      }),
    ),
    history: z.array(
      z.object({
        fromStatus: z.enum(orderStatuses).nullable(),
        toStatus: z.enum(orderStatuses),
        note: z.string().nullable(),
        createdAt: isoDateTime,
      }),
    ),
    paymentDueAt: isoDateTime
      .nullable()
      .meta({ description: "While awaiting payment: when the hold ends and the order expires unpaid." }),
    payments: z.array(
      z.object({
        kind: z.enum(["charge", "refund"]),
        status: z.enum(["pending", "succeeded", "failed"]).meta({
          description: "A failed charge is a declined attempt; a pending refund waits for the provider.",
        }),
        amountCents: z.number().int(),
        cardLast4: z.string().nullable().meta({ description: "The last four digits, when the provider tells them." }),
        failureReason: z.string().nullable(),
        createdAt: isoDateTime,
      }),
    ),
  })
  .meta({ id: "Order", description: "An order with its lines, status history and payments." });

export const placeOrderResult = z
  .object({
    order,
    paymentUrl: z.url().nullable().meta({
      description: "The provider's payment page: send the shopper there. Null when nothing is left to pay.",
    }),
  })
  .meta({ id: "PlacedOrder" });

export const paymentPage = z
  .object({ paymentUrl: z.url().meta({ description: "The provider's payment page for this order." }) })
  .meta({ id: "PaymentPage" });

export const orderPage = z.object({ items: z.array(orderSummary), nextCursor }).meta({ id: "OrderPage" });

export type PlaceOrderInput = z.infer<typeof placeOrderInput>;
export type PlaceOrderResult = z.infer<typeof placeOrderResult>;
export type OrderDto = z.infer<typeof order>;
export type OrderPageDto = z.infer<typeof orderPage>;
