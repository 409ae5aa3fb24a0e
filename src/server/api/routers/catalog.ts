import type { TRPCRouterRecord } from "@trpc/server";
import { noInput } from "@/lib/contracts/common";
import { catalogListInput, categoryList, product, productBySlugInput, productPage } from "@/lib/contracts/catalog";
import { sitemapPages } from "@/lib/contracts/sitemap";
import { listCategories } from "../../domain/catalog/list-categories";
import { getProductBySlug } from "../../domain/catalog/get-product";
import { listProducts } from "../../domain/catalog/list-products";
import { listSitemapPages } from "../../domain/catalog/sitemap-pages";
import { procedure } from "../trpc";

export const catalogRouter = {
  list: procedure("public")
    .meta({
      openapi: {
        method: "GET",
        path: "/products",
        tags: ["Catalog"],
        protect: false,
        summary: "List products",
        errorResponses: { 400: "Invalid query: the issues name the parameter" },
        description:
          "Active products, one keyset page at a time: searchable, sortable, and filtered by category and stock. " +
          "Paging, search and every sort work inside a category.",
      },
    })
    .input(catalogListInput)
    .output(productPage)
    .query(({ ctx, input }) => listProducts(ctx.db, input)),

  bySlug: procedure("public")
    .meta({
      openapi: {
        method: "GET",
        path: "/products/{slug}",
        tags: ["Catalog"],
        protect: false,
        summary: "Get a product",
        errorResponses: { 400: "Not a valid slug", 404: "No active product has this slug" },
        description: "One active product by its slug; archived and unknown products are 404.",
      },
    })
    .input(productBySlugInput)
    .output(product)
    .query(({ ctx, input }) => getProductBySlug(ctx.db, input.slug)),

  categories: procedure("public")
    .meta({
      openapi: {
        method: "GET",
        path: "/categories",
        tags: ["Catalog"],
        protect: false,
        summary: "List categories",
        errorResponses: { 400: "Query parameters were sent: this operation takes none" },
        description: "Every category in display order, with how many active products each holds.",
      },
    })
    .input(noInput)
    .output(categoryList)
    .query(({ ctx }) => listCategories(ctx.db)),

  /** Anyone: every catalog page with when it last changed, for /sitemap.xml (not on the REST face). */
  sitemap: procedure("public")
    .input(noInput)
    .output(sitemapPages)
    .query(({ ctx }) => listSitemapPages(ctx.db)),
} satisfies TRPCRouterRecord;
