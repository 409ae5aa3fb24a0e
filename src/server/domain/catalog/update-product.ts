import { eq } from "drizzle-orm";
import type { AdminProductDto, UpdateProductInput } from "@/lib/contracts/admin";
import { isUniqueViolation } from "../../db/errors";
import { publishEvents } from "../../events/publish";
import { products } from "../../db/schema";
import type { Db } from "../../db/types";
import { recordAudit, type AuditContext } from "../audit/record-audit";
import { DomainError } from "../errors";
import { requireCategory } from "./require-category";
import { adminProductColumns, toAdminProductDto } from "./admin-product-row";

type Changeable = Omit<UpdateProductInput, "id">;

/** The fields that differ, before and after: what the audit row keeps. */
function differences(before: Record<string, unknown>, changes: Changeable) {
  const changed = Object.entries(changes).filter(([key, value]) => value !== undefined && before[key] !== value);
  return {
    before: Object.fromEntries(changed.map(([key]) => [key, before[key]])),
    after: Object.fromEntries(changed),
  };
}

/** Edits a product's details (stock changes go through inventory adjustments). Archived products can be restored. */
export async function updateProduct(db: Db, audit: AuditContext, input: UpdateProductInput): Promise<AdminProductDto> {
  const { id, ...changes } = input;
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select(adminProductColumns).from(products).where(eq(products.id, id)).for("update");
      if (!before) throw new DomainError("NOT_FOUND", "We could not find that product.");
      await requireCategory(tx, changes.categoryId);
      const [after] = await tx.update(products).set(changes).where(eq(products.id, id)).returning(adminProductColumns);
      if (!after) throw new DomainError("NOT_FOUND", "We could not find that product.");
      const { before: old, after: now } = differences(before, changes);
      if (Object.keys(now).length > 0) {
        await recordAudit(tx, audit, {
          action: "product.updated",
          target: { type: "product", id },
          summary: { before: old, after: now },
        });
        await publishEvents(tx, [{ topic: "product.changed", payload: { productId: id } }]);
      }
      return toAdminProductDto(after);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError("CONFLICT", `Another product already uses the address "${changes.slug}".`, {
        field: "slug",
      });
    }
    throw error;
  }
}
