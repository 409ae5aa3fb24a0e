import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { catalogListInput, productSlug } from "@/lib/validation/catalog";
import { getProductBySlug } from "../../domain/catalog/get-product";
import { listProducts } from "../../domain/catalog/list-products";
import { productDto } from "../../domain/catalog/product-dto";
import { publicProcedure } from "../trpc";

export const catalogRouter = {
  /** Anyone: active products, keyset-paginated, searchable and sortable. */
  list: publicProcedure
    .input(catalogListInput)
    .output(z.object({ items: z.array(productDto), nextCursor: z.string().nullable() }))
    .query(({ ctx, input }) => listProducts(ctx.db, input)),

  /** Anyone: one active product, or NOT_FOUND. */
  bySlug: publicProcedure
    .input(z.object({ slug: productSlug }))
    .output(productDto)
    .query(({ ctx, input }) => getProductBySlug(ctx.db, input.slug)),
} satisfies TRPCRouterRecord;
