import type { TRPCRouterRecord } from "@trpc/server";
import { orderIdInput, ordersListInput } from "@/lib/validation/shopping";
import { cancelOwnOrder } from "../../domain/orders/cancel-order";
import { getOwnOrder } from "../../domain/orders/get-order";
import { listOwnOrders } from "../../domain/orders/list-orders";
import { orderDto, orderPageDto } from "../../domain/orders/order-dto";
import { protectedProcedure } from "../trpc";

export const ordersRouter = {
  /** Customers: their own orders, newest first. */
  list: protectedProcedure
    .input(ordersListInput)
    .output(orderPageDto)
    .query(({ ctx, input }) => listOwnOrders(ctx.db, ctx.actor, input)),

  /** Customers: one of their own orders; anyone else's is NOT_FOUND. */
  byId: protectedProcedure
    .input(orderIdInput)
    .output(orderDto)
    .query(({ ctx, input }) => getOwnOrder(ctx.db, ctx.actor, input.id)),

  /** Customers: cancel their own pending or paid order; stock returned, payment refunded. */
  cancel: protectedProcedure
    .input(orderIdInput)
    .output(orderDto)
    .mutation(({ ctx, input }) => cancelOwnOrder(ctx.db, ctx.actor, input.id, { payments: ctx.payments })),
} satisfies TRPCRouterRecord;
