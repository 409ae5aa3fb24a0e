import type { TRPCRouterRecord } from "@trpc/server";
import {
  adminDiscount,
  adminDiscountDetail,
  createDiscountInput,
  discountIdInput,
  discountPage,
  discountsListInput,
} from "@/lib/contracts/discounts";
import { createDiscount } from "../../../domain/discounts/create-discount";
import { discountDetail } from "../../../domain/discounts/discount-detail";
import { listDiscounts } from "../../../domain/discounts/list-discounts";
import { setDiscountPaused } from "../../../domain/discounts/set-discount-paused";
import { auditContext } from "../../audit-context";
import { procedure } from "../../trpc";

const signedOut = "No valid token or session";
const notAllowed = "Not an administrator, or the token lacks the admin scope";
const noSuchCode = "No such discount code";

/** The store's discount codes (`admin.discounts`): every change is audited. */
export const adminDiscountsRouter = {
  list: procedure("read:discount:any")
    .meta({
      openapi: {
        method: "GET",
        path: "/admin/discounts",
        tags: ["Admin"],
        summary: "List discount codes",
        errorResponses: { 400: "Invalid query: the issues name the parameter", 401: signedOut, 403: notAllowed },
        description: "Newest first, each with its status now and its usage: uses held, orders, total taken off.",
      },
    })
    .input(discountsListInput)
    .output(discountPage)
    .query(({ ctx, input }) => listDiscounts(ctx.db, input)),

  byId: procedure("read:discount:any")
    .meta({
      openapi: {
        method: "GET",
        path: "/admin/discounts/{id}",
        tags: ["Admin"],
        summary: "Get a discount code and its redemptions",
        errorResponses: { 400: "Not a discount code id", 401: signedOut, 403: notAllowed, 404: noSuchCode },
        description: "The code, its usage, and its latest redemptions (order, buyer's email, amount, date).",
      },
    })
    .input(discountIdInput)
    .output(adminDiscountDetail)
    .query(({ ctx, input }) => discountDetail(ctx.db, input.id)),

  create: procedure("manage:discount:any")
    .meta({
      rest: { created: true },
      openapi: {
        method: "POST",
        path: "/admin/discounts",
        tags: ["Admin"],
        summary: "Create a discount code",
        errorResponses: {
          400: "Invalid input: the issues name the field (a percent outside 1–100, an end before the start)",
          401: signedOut,
          403: notAllowed,
          409: "A code with that name exists already (codes ignore case)",
        },
        description:
          "Answers 201 with the code's Location. The code is kept upper-cased; checkout accepts it in any case. " +
          "Audited as discount.created.",
      },
    })
    .input(createDiscountInput)
    .output(adminDiscount)
    .mutation(({ ctx, input }) => createDiscount(ctx.db, auditContext(ctx), input)),

  pause: procedure("manage:discount:any")
    .meta({
      openapi: {
        method: "POST",
        path: "/admin/discounts/{id}/pause",
        tags: ["Admin"],
        summary: "Pause a discount code",
        errorResponses: { 400: "Not a discount code id", 401: signedOut, 403: notAllowed, 404: noSuchCode },
        description:
          "Checkout refuses the code until it is resumed; orders placed already keep their discount. " +
          "Pausing a paused code changes nothing. Audited as discount.paused.",
      },
    })
    .input(discountIdInput)
    .output(adminDiscount)
    .mutation(({ ctx, input }) => setDiscountPaused(ctx.db, auditContext(ctx), { id: input.id, paused: true })),

  resume: procedure("manage:discount:any")
    .meta({
      openapi: {
        method: "POST",
        path: "/admin/discounts/{id}/resume",
        tags: ["Admin"],
        summary: "Resume a paused discount code",
        errorResponses: { 400: "Not a discount code id", 401: signedOut, 403: notAllowed, 404: noSuchCode },
        description:
          "Checkout accepts the code again (within its dates and limits). Resuming an active code changes " +
          "nothing. Audited as discount.resumed.",
      },
    })
    .input(discountIdInput)
    .output(adminDiscount)
    .mutation(({ ctx, input }) => setDiscountPaused(ctx.db, auditContext(ctx), { id: input.id, paused: false })),
} satisfies TRPCRouterRecord;
