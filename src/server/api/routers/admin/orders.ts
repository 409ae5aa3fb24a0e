import type { TRPCRouterRecord } from "@trpc/server";
import { adminOrderPage, adminOrdersInput, adminOrderSummary, setOrderStatusInput } from "@/lib/contracts/admin";
import { listAllOrders } from "../../../domain/orders/list-all-orders";
import { setOrderStatus } from "../../../domain/orders/set-order-status";
import { auditContext } from "../../audit-context";
import { procedure } from "../../trpc";

export const adminOrdersRouter = {
  /** All customers' orders, newest first, filterable by status. */
  list: procedure("read:order:any")
    .input(adminOrdersInput)
    .output(adminOrderPage)
    .query(({ ctx, input }) => listAllOrders(ctx.db, input)),

  /** paid → shipped → delivered only; anything else is CONFLICT. */
  setStatus: procedure("update:order:any")
    .input(setOrderStatusInput)
    .output(adminOrderSummary)
    .mutation(({ ctx, input }) => setOrderStatus(ctx.db, auditContext(ctx), input)),
} satisfies TRPCRouterRecord;
