import { eq } from "drizzle-orm";
import type { AdminDiscountDto } from "@/lib/contracts/discounts";
import { discountCodes } from "../../db/schema";
import type { DbOrTx } from "../../db/types";
import { DomainError } from "../errors";
import { adminDiscountColumns, toAdminDiscountDto } from "./admin-discount-row";

/** One code with its usage, as the admin sees it; NOT_FOUND when there is no such code. */
export async function readDiscount(db: DbOrTx, id: string, now: Date): Promise<AdminDiscountDto> {
  const [row] = await db.select(adminDiscountColumns).from(discountCodes).where(eq(discountCodes.id, id)).limit(1);
  if (!row) throw new DomainError("NOT_FOUND", "We could not find that discount code.");
  return toAdminDiscountDto(row, now);
}
