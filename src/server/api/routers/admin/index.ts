import type { TRPCRouterRecord } from "@trpc/server";
import { noInput } from "@/lib/contracts/common";
import { dashboard } from "@/lib/contracts/admin";
import { dashboardSummary } from "../../../domain/reports/dashboard";
import { procedure } from "../../trpc";
import { adminAuditRouter } from "./audit";
import { adminDiscountsRouter } from "./discounts";
import { adminInventoryRouter } from "./inventory";
import { adminJobsRouter } from "./jobs";
import { adminOrdersRouter } from "./orders";
import { adminProductsRouter } from "./products";
import { adminUsersRouter } from "./users";

export const DASHBOARD_DAYS = 14;

export const adminRouter = {
  products: adminProductsRouter,
  inventory: adminInventoryRouter,
  orders: adminOrdersRouter,
  audit: adminAuditRouter,
  users: adminUsersRouter,
  jobs: adminJobsRouter,
  discounts: adminDiscountsRouter,
  /** Revenue and orders per day, low stock, recent orders. */
  dashboard: procedure("read:order:any")
    .input(noInput)
    .output(dashboard)
    .query(({ ctx }) => dashboardSummary(ctx.db, { days: DASHBOARD_DAYS })),
} satisfies TRPCRouterRecord;
