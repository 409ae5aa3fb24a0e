import { eq, sql } from "drizzle-orm";
import type { AdjustInventoryInput, AdminProductDto } from "@/lib/contracts/admin";
import { products } from "../../db/schema";
import type { Db } from "../../db/types";
import { publishEvents } from "../../events/publish";
import { recordAudit, type AuditContext } from "../audit/record-audit";
import { DomainError } from "../errors";
import { adminProductColumns, toAdminProductDto } from "./admin-product-row";

/**
 * Changes a product's stock by `delta` for a stated reason (a delivery, a count,
 * breakage). One conditional update, so concurrent checkouts and adjustments
 * never take the stock below zero; the change is audited and pushed to live clients.
 */
export async function adjustInventory(
  db: Db,
  audit: AuditContext,
  input: AdjustInventoryInput,
): Promise<AdminProductDto> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ stock: products.stock })
      .from(products)
      .where(eq(products.id, input.productId))
      .for("update");
    if (!before) throw new DomainError("NOT_FOUND", "We could not find that product.");
    if (before.stock + input.delta < 0) {
      throw new DomainError("CONFLICT", `Only ${before.stock} in stock: it cannot go down by ${-input.delta}.`, {
        available: before.stock,
      });
    }
    const [after] = await tx
      .update(products)
      .set({ stock: sql`${products.stock} + ${input.delta}` })
      .where(eq(products.id, input.productId))
      .returning(adminProductColumns);
    if (!after) throw new DomainError("NOT_FOUND", "We could not find that product.");
    await recordAudit(tx, audit, {
      action: "inventory.adjusted",
      target: { type: "product", id: input.productId },
      summary: {
        before: { stock: before.stock },
        after: { stock: after.stock },
        delta: input.delta,
        reason: input.reason,
      },
    });
    await publishEvents(tx, [{ topic: "stock.changed", payload: { productId: after.id, stock: after.stock } }]);
    return toAdminProductDto(after);
  });
}
