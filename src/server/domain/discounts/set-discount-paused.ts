import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { AdminDiscountDto } from "@/lib/contracts/discounts";
import { discountCodes } from "../../db/schema";
import type { Db } from "../../db/types";
import { recordAudit, type AuditContext } from "../audit/record-audit";
import { readDiscount } from "./read-discount";

/**
 * Pauses a code (checkout refuses it from the next order on; orders already placed keep their
 * discount) or resumes it. Asking for the state it is already in changes nothing and writes no audit row.
 */
export async function setDiscountPaused(
  db: Db,
  audit: AuditContext,
  input: { id: string; paused: boolean },
  now = new Date(),
): Promise<AdminDiscountDto> {
  return db.transaction(async (tx) => {
    const [changed] = await tx
      .update(discountCodes)
      .set({ pausedAt: input.paused ? now : null })
      .where(
        and(
          eq(discountCodes.id, input.id),
          input.paused ? isNull(discountCodes.pausedAt) : isNotNull(discountCodes.pausedAt),
        ),
      )
      .returning({ code: discountCodes.code });
    if (changed) {
      await recordAudit(tx, audit, {
        action: input.paused ? "discount.paused" : "discount.resumed",
        target: { type: "discount", id: input.id },
        summary: { code: changed.code, before: { paused: !input.paused }, after: { paused: input.paused } },
      });
    }
    return readDiscount(tx, input.id, now);
  });
}
