import { and, count, eq } from "drizzle-orm";
import { discountCodes, discountRedemptions } from "../../db/schema";
import type { DbOrTx } from "../../db/types";
import type { DiscountCodeRow } from "./discount-eligibility";

export function normalizeCode(typed: string): string {
  return typed.trim().toUpperCase();
}

export async function findDiscountCode(db: DbOrTx, typed: string): Promise<DiscountCodeRow | undefined> {
  const [code] = await db
    .select()
    .from(discountCodes)
    .where(eq(discountCodes.code, normalizeCode(typed)))
    .limit(1);
  return code;
}

/** Uses by one buyer, counted by email so a guest and an account with the same address count alike. */
export async function usesByCustomer(db: DbOrTx, codeId: string, email: string): Promise<number> {
  const [row] = await db
    .select({ uses: count() })
    .from(discountRedemptions)
    .where(and(eq(discountRedemptions.codeId, codeId), eq(discountRedemptions.email, email.toLowerCase())));
  return row?.uses ?? 0;
}
