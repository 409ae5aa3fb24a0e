import type { TRPCRouterRecord } from "@trpc/server";
import { order, orderIdInput, orderPage, ordersListInput } from "@/lib/contracts/orders";
import { cancelOwnOrder } from "../../domain/orders/cancel-order";
import { getOwnOrder } from "../../domain/orders/get-order";
import { listOwnOrders } from "../../domain/orders/list-orders";
import { protectedProcedure } from "../trpc";

export const ordersRouter = {
  list: protectedProcedure
    .meta({
      access: "read:order:own",
      openapi: {
        method: "GET",
        path: "/orders",
        tags: ["Orders"],
        summary: "List your orders",
        description: "Newest first.",
      },
    })
    .input(ordersListInput)
    .output(orderPage)
    .query(({ ctx, input }) => listOwnOrders(ctx.db, ctx.actor, input)),

  byId: protectedProcedure
    .meta({
      access: "read:order:own",
      openapi: {
        method: "GET",
        path: "/orders/{id}",
        tags: ["Orders"],
        summary: "Get one of your orders",
        description: "Someone else's order is 404, exactly like one that does not exist.",
      },
    })
    .input(orderIdInput)
    .output(order)
    .query(({ ctx, input }) => getOwnOrder(ctx.db, ctx.actor, input.id)),

  cancel: protectedProcedure
    .meta({
      access: "cancel:order:own",
      openapi: {
        method: "DELETE",
        path: "/orders/{id}",
        tags: ["Orders"],
        summary: "Cancel one of your orders",
        description:
          "A pending or paid order becomes cancelled: the payment is refunded and the stock returned. " +
          "The order is kept. 409 once it has shipped.",
      },
    })
    .input(orderIdInput)
    .output(order)
    .mutation(({ ctx, input }) => cancelOwnOrder(ctx.db, ctx.actor, input.id, { payments: ctx.payments })),
} satisfies TRPCRouterRecord;
