import type { ProductDto } from "@/lib/contracts/catalog";
import { pictureOf } from "@/lib/pictures/picture-url";
import { products } from "../../db/schema";

export const STORE_CURRENCY = "USD";

/** Columns that may leave the server, selected explicitly. */
export const productColumns = {
  id: products.id,
  slug: products.slug,
  name: products.name,
  description: products.description,
  priceCents: products.priceCents,
  stock: products.stock,
  imageUrl: products.imageUrl,
  categoryId: products.categoryId,
  createdAt: products.createdAt,
};

type ProductRow = {
  [K in keyof typeof productColumns]: (typeof products.$inferSelect)[K];
};

/** Plain JSON (ISO dates), so the same shape serves tRPC, REST and the pages. */
export function toProductDto(row: ProductRow): ProductDto {
  return { ...row, imageUrl: pictureOf(row), currency: STORE_CURRENCY, createdAt: row.createdAt.toISOString() };
}
