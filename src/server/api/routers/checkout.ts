import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { checkoutQuote, quoteInput } from "@/lib/contracts/checkout";
import { placeOrderInput, placeOrderResult } from "@/lib/contracts/orders";
import { quoteCheckout } from "../../domain/checkout/quote-checkout";
import { placeOrder } from "../../domain/checkout/place-order";
import { paymentPages } from "../../payments/payment-pages";
import { procedure } from "../trpc";

export const checkoutRouter = {
  quote: procedure("read:cart:own")
    .meta({
      openapi: {
        method: "GET",
        path: "/checkout/quote",
        tags: ["Orders"],
        summary: "Price your cart",
        errorResponses: {
          400: "Invalid input: the issues name the field",
          401: "No valid token or session",
          403: "The token lacks the read scope",
        },
        description:
          "What placing an order would charge now: subtotal, discount, shipping and tax, each in integer cents, " +
          "computed on the server only. Shipping and tax are null until a country (and a shipping method) is " +
          "given. A code that does not apply is not an error: `discount.message` says why.",
      },
    })
    .input(quoteInput)
    .output(checkoutQuote)
    .query(({ ctx, input }) => quoteCheckout(ctx.db, ctx.actor, input)),

  placeOrder: procedure("create:order:own")
    .meta({
      rest: { accepted: true, headerInputs: { "Idempotency-Key": "idempotencyKey" } },
      openapi: {
        method: "POST",
        path: "/orders",
        tags: ["Orders"],
        summary: "Place an order",
        errorResponses: {
          400: "Invalid input (the issues name the field), a missing Idempotency-Key header, or an empty cart",
          401: "No valid token or session",
          403: "The token lacks the orders scope",
          409:
            "Some items ran out (details.productIds names them), or the discount code's last use went to " +
            "someone else (details.discountCode); nothing was bought",
          422:
            "This Idempotency-Key was already used for a different cart, or the discount code does not apply " +
            "(details.discountCode says why)",
        },
        description:
          "Turns your cart into an order awaiting payment and holds its stock. The answer is 202 with the " +
          "order and the provider's paymentUrl: the shopper pays there (the card never reaches this API), and " +
          "the order becomes paid when the provider's signed webhook arrives. Poll the order (Location) or " +
          "watch live.orders. Unpaid orders expire after the hold and their stock goes back. Repeating the same " +
          "Idempotency-Key returns the same order and its open payment page; the same key with a different cart is 422.",
        requestHeaders: z.object({
          "Idempotency-Key": z.uuid().meta({
            description: "A new UUID for each checkout attempt; reuse it to retry safely.",
            example: "9b2f6a1e-3c1d-4f5a-8e2b-7d6c5b4a3f21",
          }),
        }),
        successDescription: "The order, awaiting payment, and where to pay it.",
      },
    })
    .input(placeOrderInput)
    .output(placeOrderResult)
    .mutation(({ ctx, input }) =>
      placeOrder(ctx.db, ctx.actor, input, { payments: ctx.payments, pages: paymentPages }),
    ),
} satisfies TRPCRouterRecord;
