import { desc, eq } from "drizzle-orm";
import { DISCOUNT_REDEMPTIONS_SHOWN, type AdminDiscountDetailDto } from "@/lib/contracts/discounts";
import { discountRedemptions } from "../../db/schema";
import type { Db } from "../../db/types";
import { readDiscount } from "./read-discount";

/** A code, its usage and its latest redemptions: which order, who, how much, when. */
export async function discountDetail(db: Db, id: string, now = new Date()): Promise<AdminDiscountDetailDto> {
  const discount = await readDiscount(db, id, now);
  const redemptions = await db
    .select({
      orderId: discountRedemptions.orderId,
      email: discountRedemptions.email,
      discountCents: discountRedemptions.discountCents,
      createdAt: discountRedemptions.createdAt,
    })
    .from(discountRedemptions)
    .where(eq(discountRedemptions.codeId, id))
    .orderBy(desc(discountRedemptions.createdAt), desc(discountRedemptions.orderId))
    .limit(DISCOUNT_REDEMPTIONS_SHOWN);
  return {
    discount,
    redemptions: redemptions.map((redemption) => ({
      ...redemption,
      createdAt: redemption.createdAt.toISOString(),
    })),
  };
}
