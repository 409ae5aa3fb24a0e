import type { TRPCRouterRecord } from "@trpc/server";
import { env } from "@/env";
import {
  adminOrderDetail,
  adminOrderInput,
  adminOrderPage,
  adminOrdersInput,
  adminOrderSummary,
  cancelOrderInput,
  setOrderStatusInput,
} from "@/lib/contracts/admin";
import { adminCancelOrder } from "../../../domain/orders/admin-cancel-order";
import { adminOrderDetail as readAdminOrder } from "../../../domain/orders/admin-order-detail";
import { listAllOrders } from "../../../domain/orders/list-all-orders";
import { setOrderStatus } from "../../../domain/orders/set-order-status";
import { auditContext } from "../../audit-context";
import { procedure } from "../../trpc";

export const adminOrdersRouter = {
  /** All customers' orders, newest first, filterable by status, or those stuck awaiting payment. */
  list: procedure("read:order:any")
    .input(adminOrdersInput)
    .output(adminOrderPage)
    .query(({ ctx, input: { stuck, ...input } }) =>
      listAllOrders(ctx.db, { ...input, ...(stuck ? { stuckAfterSeconds: env.PAYMENT_RECONCILE_SECONDS } : {}) }),
    ),

  /** One order with its payments, payment sessions and the provider's events. */
  byId: procedure("read:order:any")
    .input(adminOrderInput)
    .output(adminOrderDetail)
    .query(({ ctx, input }) => readAdminOrder(ctx.db, input.id)),

  /** Cancels an order awaiting payment or paid; a payment is refunded through the provider. Audited. */
  cancel: procedure("update:order:any")
    .input(cancelOrderInput)
    .output(adminOrderSummary)
    .mutation(({ ctx, input }) => adminCancelOrder(ctx.db, auditContext(ctx), input)),

  /** paid → shipped → delivered only; anything else is CONFLICT. */
  setStatus: procedure("update:order:any")
    .input(setOrderStatusInput)
    .output(adminOrderSummary)
    .mutation(({ ctx, input }) => setOrderStatus(ctx.db, auditContext(ctx), input)),
} satisfies TRPCRouterRecord;
