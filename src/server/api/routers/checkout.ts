import type { TRPCRouterRecord } from "@trpc/server";
import { placeOrderInput } from "@/lib/validation/shopping";
import { placeOrder } from "../../domain/checkout/place-order";
import { orderDto } from "../../domain/orders/order-dto";
import { protectedProcedure } from "../trpc";

export const checkoutRouter = {
  /** Customers: their cart becomes a paid order; idempotent per idempotencyKey. */
  placeOrder: protectedProcedure
    .input(placeOrderInput)
    .output(orderDto)
    .mutation(({ ctx, input }) => placeOrder(ctx.db, ctx.actor, input, { payments: ctx.payments })),
} satisfies TRPCRouterRecord;
