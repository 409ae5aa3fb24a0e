import type { AdminProductDto, CreateProductInput } from "@/lib/contracts/admin";
import { products } from "../../db/schema";
import type { Db } from "../../db/types";
import { publishEvents } from "../../events/publish";
import { recordAudit, type AuditContext } from "../audit/record-audit";
import { DomainError } from "../errors";
import { requireCategory } from "./require-category";
import { adminProductColumns, toAdminProductDto } from "./admin-product-row";

/** A new product in the catalog. The slug is unique: a taken one is CONFLICT and nothing is written. */
export async function createProduct(db: Db, audit: AuditContext, input: CreateProductInput): Promise<AdminProductDto> {
  return db.transaction(async (tx) => {
    await requireCategory(tx, input.categoryId);
    const [created] = await tx
      .insert(products)
      .values({ ...input, imageUrl: input.imageUrl ?? null })
      .onConflictDoNothing({ target: products.slug })
      .returning(adminProductColumns);
    if (!created) {
      throw new DomainError("CONFLICT", `Another product already uses the address "${input.slug}".`, {
        field: "slug",
      });
    }
    await recordAudit(tx, audit, {
      action: "product.created",
      target: { type: "product", id: created.id },
      summary: {
        after: { name: created.name, slug: created.slug, priceCents: created.priceCents, stock: created.stock },
      },
    });
    await publishEvents(tx, [{ topic: "stock.changed", payload: { productId: created.id, stock: created.stock } }]);
    return toAdminProductDto(created);
  });
}
