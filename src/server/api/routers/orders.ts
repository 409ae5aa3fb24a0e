import type { TRPCRouterRecord } from "@trpc/server";
import { order, orderIdInput, orderPage, ordersListInput, paymentPage } from "@/lib/contracts/orders";
import { cancelOwnOrder } from "../../domain/orders/cancel-order";
import { getOwnOrder } from "../../domain/orders/get-order";
import { listOwnOrders } from "../../domain/orders/list-orders";
import { payOwnOrder } from "../../domain/payments/pay-own-order";
import { paymentPages } from "../../payments/payment-pages";
import { procedure } from "../trpc";

export const ordersRouter = {
  list: procedure("read:order:own")
    .meta({
      openapi: {
        method: "GET",
        path: "/orders",
        tags: ["Orders"],
        summary: "List your orders",
        errorResponses: {
          400: "Invalid query: the issues name the parameter",
          401: "No valid token or session",
          403: "The token lacks the read scope",
        },
        description: "Newest first.",
      },
    })
    .input(ordersListInput)
    .output(orderPage)
    .query(({ ctx, input }) => listOwnOrders(ctx.db, ctx.actor, input)),

  byId: procedure("read:order:own")
    .meta({
      openapi: {
        method: "GET",
        path: "/orders/{id}",
        tags: ["Orders"],
        summary: "Get one of your orders",
        errorResponses: {
          400: "Not an order id",
          401: "No valid token or session",
          403: "The token lacks the read scope",
          404: "No such order of yours",
        },
        description: "Someone else's order is 404, exactly like one that does not exist.",
      },
    })
    .input(orderIdInput)
    .output(order)
    .query(({ ctx, input }) => getOwnOrder(ctx.db, ctx.actor, input.id)),

  cancel: procedure("cancel:order:own")
    .meta({
      openapi: {
        method: "DELETE",
        path: "/orders/{id}",
        tags: ["Orders"],
        summary: "Cancel one of your orders",
        errorResponses: {
          400: "Not an order id",
          401: "No valid token or session",
          403: "The token lacks the orders scope",
          404: "No such order of yours",
          409: "The order can no longer be cancelled (it has shipped, or is cancelled already)",
        },
        description:
          "An order awaiting payment or paid becomes cancelled: the stock is returned and any payment " +
          "refunded through the provider (the refund shows as pending until the provider confirms it). " +
          "The order is kept. 409 once it has shipped.",
      },
    })
    .input(orderIdInput)
    .output(order)
    .mutation(({ ctx, input }) => cancelOwnOrder(ctx.db, ctx.actor, input.id)),

  pay: procedure("create:order:own")
    .meta({
      openapi: {
        method: "POST",
        path: "/orders/{id}/pay",
        tags: ["Orders"],
        summary: "Get a payment page for one of your orders",
        errorResponses: {
          400: "Not an order id",
          401: "No valid token or session",
          403: "The token lacks the orders scope",
          404: "No such order of yours",
          409: "The order is not awaiting payment (paid, expired or cancelled)",
        },
        description:
          "For an order awaiting payment: the open payment page, or a new one after a decline. " +
          "Send the shopper to paymentUrl; the order becomes paid when the provider confirms.",
      },
    })
    .input(orderIdInput)
    .output(paymentPage)
    .mutation(({ ctx, input }) =>
      payOwnOrder(ctx.db, ctx.actor, input.id, { payments: ctx.payments, pages: paymentPages }),
    ),
} satisfies TRPCRouterRecord;
