import { z } from "zod";
import { catalogSorts, type CatalogSort } from "../catalog-sorts";
import { textInput } from "../validation/text";
import { cents, currency, cursorInput, isoDateTime, nextCursor } from "./common";

export { catalogSorts, type CatalogSort };

export const productSlug = z
  .string()
  .min(1, "Slug is required")
  .max(200, "Slug is too long")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Slug may contain lowercase letters, digits and dashes")
  .meta({ description: "The product's URL name.", example: "stoneware-mug" });

export const categorySlug = z
  .string()
  .min(1, "Category is required")
  .max(100, "Category is too long")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Category may contain lowercase letters, digits and dashes")
  .meta({ description: "A category's URL name.", example: "kitchen" });

export const catalogListInput = z.object({
  cursor: cursorInput,
  limit: z.number().int().min(1).max(100).default(20).meta({ description: "Products per page (1 to 100)." }),
  q: textInput(100, "Search must be at most 100 characters")
    .trim()
    .optional()
    .meta({ description: "Words to look for in names and descriptions.", example: "mug" }),
  sort: z.enum(catalogSorts).default("newest").meta({ description: "Order of the list." }),
  category: categorySlug
    .optional()
    .meta({ description: "Only products of this category (its slug); an unknown slug lists nothing." }),
  inStock: z.boolean().optional().meta({ description: "`true`: only products with stock left." }),
});

export const productBySlugInput = z.object({ slug: productSlug });

export const product = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string().meta({ example: "Stoneware Mug" }),
    description: z.string(),
    priceCents: cents("Price in cents of `currency`."),
    currency,
    stock: z.number().int().meta({ description: "Units available now.", example: 120 }),
    imageUrl: z.string().meta({
      description: "The product's picture: its own, or one the shop drew for it (an address on this site or https).",
      example: "/pictures/stoneware-mug.svg",
    }),
    categoryId: z.uuid().meta({ description: "The category the product is in (see `GET /api/v1/categories`)." }),
    createdAt: isoDateTime,
  })
  .meta({ id: "Product", description: "A product that is for sale." });

export const category = z
  .object({
    id: z.uuid(),
    slug: z.string().meta({ example: "kitchen" }),
    name: z.string().meta({ example: "Kitchen" }),
    productCount: z.number().int().meta({ description: "Active products in the category.", example: 6 }),
  })
  .meta({ id: "Category", description: "A group of products, with how many are for sale." });

export const categoryList = z
  .array(category)
  .meta({ id: "CategoryList", description: "Every category, in display order." });

export type CategoryDto = z.infer<typeof category>;

export const productPage = z
  .object({ items: z.array(product), nextCursor })
  .meta({ id: "ProductPage", description: "One page of active products." });

export type ProductDto = z.infer<typeof product>;
export type ProductPageDto = z.infer<typeof productPage>;
