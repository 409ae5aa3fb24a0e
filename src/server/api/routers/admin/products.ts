import type { TRPCRouterRecord } from "@trpc/server";
import {
  adminProduct,
  adminProductPage,
  adminProductsInput,
  createProductInput,
  productIdInput,
  updateProductInput,
} from "@/lib/contracts/admin";
import { archiveProduct } from "../../../domain/catalog/archive-product";
import { createProduct } from "../../../domain/catalog/create-product";
import { getAnyProduct } from "../../../domain/catalog/get-any-product";
import { listAllProducts } from "../../../domain/catalog/list-all-products";
import { updateProduct } from "../../../domain/catalog/update-product";
import { auditContext } from "../../audit-context";
import { procedure } from "../../trpc";

export const adminProductsRouter = {
  /** Every product, archived ones included. */
  list: procedure("read:product:any")
    .input(adminProductsInput)
    .output(adminProductPage)
    .query(({ ctx, input }) => listAllProducts(ctx.db, input)),

  byId: procedure("read:product:any")
    .input(productIdInput)
    .output(adminProduct)
    .query(({ ctx, input }) => getAnyProduct(ctx.db, input.id)),

  create: procedure("create:product:any")
    .input(createProductInput)
    .output(adminProduct)
    .mutation(({ ctx, input }) => createProduct(ctx.db, auditContext(ctx), input)),

  update: procedure("update:product:any")
    .input(updateProductInput)
    .output(adminProduct)
    .mutation(({ ctx, input }) => updateProduct(ctx.db, auditContext(ctx), input)),

  archive: procedure("update:product:any")
    .input(productIdInput)
    .output(adminProduct)
    .mutation(({ ctx, input }) => archiveProduct(ctx.db, auditContext(ctx), input.id)),
} satisfies TRPCRouterRecord;
