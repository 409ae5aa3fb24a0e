import { and, count, eq, or } from "drizzle-orm";
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

/**
 * Uses by one buyer: by account, and by email so a guest and an account with the same address count
 * alike (an account that changed its email still counts its earlier uses).
 */
export async function usesByCustomer(
  db: DbOrTx,
  codeId: string,
  buyer: { userId: string | null; email: string },
): Promise<number> {
  const sameEmail = eq(discountRedemptions.email, buyer.email.toLowerCase());
  const [row] = await db
    .select({ uses: count() })
    .from(discountRedemptions)
    .where(
      and(
        eq(discountRedemptions.codeId, codeId),
        buyer.userId ? or(eq(discountRedemptions.userId, buyer.userId), sameEmail) : sameEmail,
      ),
    );
  return row?.uses ?? 0;
}
