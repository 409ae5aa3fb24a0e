import type { TRPCRouterRecord } from "@trpc/server";
import { adjustInventoryInput, adminProduct } from "@/lib/contracts/admin";
import { adjustInventory } from "../../../domain/catalog/adjust-inventory";
import { auditContext } from "../../audit-context";
import { procedure } from "../../trpc";

export const adminInventoryRouter = {
  /** Stock up or down by a delta, with a reason; never below zero (CONFLICT). */
  adjust: procedure("update:inventory:any")
    .input(adjustInventoryInput)
    .output(adminProduct)
    .mutation(({ ctx, input }) => adjustInventory(ctx.db, auditContext(ctx), input)),
} satisfies TRPCRouterRecord;
