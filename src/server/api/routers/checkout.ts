import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { order, placeOrderInput } from "@/lib/contracts/orders";
import { placeOrder } from "../../domain/checkout/place-order";
import { procedure } from "../trpc";

export const checkoutRouter = {
  placeOrder: procedure("create:order:own")
    .meta({
      rest: { created: true, headerInputs: { "Idempotency-Key": "idempotencyKey" } },
      openapi: {
        method: "POST",
        path: "/orders",
        tags: ["Orders"],
        summary: "Place an order",
        errorResponses: {
          400: "Invalid input, a missing Idempotency-Key header, or an empty cart",
          401: "No valid token or session",
          402: "The card was declined; nothing was charged or kept",
          403: "The token lacks the orders scope",
          409: "Some items ran out; details.productIds names them and nothing was bought",
          422: "This Idempotency-Key was already used for a different cart",
        },
        description:
          "Turns your cart into a paid order in one transaction. Repeating the same Idempotency-Key returns " +
          "the same order (never a second charge); the same key with a different cart is 422.",
        requestHeaders: z.object({
          "Idempotency-Key": z.uuid().meta({
            description: "A new UUID for each checkout attempt; reuse it to retry safely.",
            example: "9b2f6a1e-3c1d-4f5a-8e2b-7d6c5b4a3f21",
          }),
        }),
        successDescription: "The order, paid.",
      },
    })
    .input(placeOrderInput)
    .output(order)
    .mutation(({ ctx, input }) => placeOrder(ctx.db, ctx.actor, input, { payments: ctx.payments })),
} satisfies TRPCRouterRecord;
