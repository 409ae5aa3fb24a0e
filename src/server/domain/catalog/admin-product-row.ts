import type { AdminProductDto } from "@/lib/contracts/admin";
import { products } from "../../db/schema";
import { productColumns, toProductDto } from "./product-row";

export const adminProductColumns = { ...productColumns, active: products.active, updatedAt: products.updatedAt };

type AdminProductRow = { [K in keyof typeof adminProductColumns]: (typeof products.$inferSelect)[K] };

export function toAdminProductDto(row: AdminProductRow): AdminProductDto {
  const { active, updatedAt, ...rest } = row;
  // The admin edits the product's own picture, so a drawn one is not filled in here.
  return { ...toProductDto(rest), imageUrl: rest.imageUrl, active, updatedAt: updatedAt.toISOString() };
}
