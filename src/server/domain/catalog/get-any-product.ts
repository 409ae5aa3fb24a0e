import { eq } from "drizzle-orm";
import type { AdminProductDto } from "@/lib/contracts/admin";
import { products } from "../../db/schema";
import type { Db } from "../../db/types";
import { DomainError } from "../errors";
import { adminProductColumns, toAdminProductDto } from "./admin-product-row";

/** Any product by id, archived or not: for the admin's edit form. */
export async function getAnyProduct(db: Db, id: string): Promise<AdminProductDto> {
  const [row] = await db.select(adminProductColumns).from(products).where(eq(products.id, id)).limit(1);
  if (!row) throw new DomainError("NOT_FOUND", "We could not find that product.");
  return toAdminProductDto(row);
}
