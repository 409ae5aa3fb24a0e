import { and, eq } from "drizzle-orm";
import type { AdminProductDto } from "@/lib/contracts/admin";
import { products } from "../../db/schema";
import type { Db } from "../../db/types";
import { publishEvents } from "../../events/publish";
import { recordAudit, type AuditContext } from "../audit/record-audit";
import { DomainError } from "../errors";
import { adminProductColumns, toAdminProductDto } from "./admin-product-row";

/**
 * Takes a product out of the catalog. Its row stays, so past orders keep their
 * lines and links; carts lose it at checkout (the stock update needs `active`).
 */
export async function archiveProduct(db: Db, audit: AuditContext, id: string): Promise<AdminProductDto> {
  return db.transaction(async (tx) => {
    const [archived] = await tx
      .update(products)
      .set({ active: false })
      .where(and(eq(products.id, id), eq(products.active, true)))
      .returning(adminProductColumns);
    if (!archived) {
      const [existing] = await tx.select(adminProductColumns).from(products).where(eq(products.id, id));
      if (!existing) throw new DomainError("NOT_FOUND", "We could not find that product.");
      return toAdminProductDto(existing);
    }
    await recordAudit(tx, audit, {
      action: "product.archived",
      target: { type: "product", id },
      summary: { name: archived.name, slug: archived.slug, before: { active: true }, after: { active: false } },
    });
    await publishEvents(tx, [{ topic: "product.changed", payload: { productId: id } }]);
    return toAdminProductDto(archived);
  });
}
