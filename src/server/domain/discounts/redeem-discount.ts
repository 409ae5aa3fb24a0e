import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { discountCodes, discountRedemptions } from "../../db/schema";
import type { Tx } from "../../db/types";
import { DomainError } from "../errors";
import { refusalMessage, type DiscountCodeRow, type DiscountRefusal } from "./discount-eligibility";
import { usesByCustomer } from "./find-discount-code";

interface Redemption {
  orderId: string;
  userId: string | null;
  email: string;
  discountCents: number;
}

function refuse(code: DiscountCodeRow, reason: DiscountRefusal): never {
  throw new DomainError("CONFLICT", refusalMessage(reason, code.code, code), { discountCode: reason });
}

/**
 * Takes one use of the code inside checkout's transaction. The conditional increment locks the
 * code's row, so buyers racing for the last uses queue here and exactly `usage_limit` of them win;
 * the per-customer count is read after that lock, so it sees every committed use by this buyer.
 */
export async function redeemDiscount(tx: Tx, code: DiscountCodeRow, redemption: Redemption): Promise<void> {
  const [taken] = await tx
    .update(discountCodes)
    .set({ timesUsed: sql`${discountCodes.timesUsed} + 1` })
    .where(
      and(
        eq(discountCodes.id, code.id),
        isNull(discountCodes.pausedAt),
        or(isNull(discountCodes.usageLimit), lt(discountCodes.timesUsed, discountCodes.usageLimit)),
      ),
    )
    .returning({ pausedAt: discountCodes.pausedAt });
  if (!taken) {
    const [now] = await tx
      .select({ pausedAt: discountCodes.pausedAt })
      .from(discountCodes)
      .where(eq(discountCodes.id, code.id));
    refuse(code, now?.pausedAt ? "paused" : "used_up");
  }
  const email = redemption.email.toLowerCase();
  if (
    code.perCustomerLimit !== null &&
    (await usesByCustomer(tx, code.id, { userId: redemption.userId, email })) >= code.perCustomerLimit
  ) {
    refuse(code, "used_by_you");
  }
  await tx.insert(discountRedemptions).values({ ...redemption, email, codeId: code.id });
}

/** An order that expired or was cancelled gives its use back, so a limited code is not lost to it. */
export async function releaseDiscount(tx: Tx, orderId: string): Promise<void> {
  const [released] = await tx
    .delete(discountRedemptions)
    .where(eq(discountRedemptions.orderId, orderId))
    .returning({ codeId: discountRedemptions.codeId });
  if (!released) return;
  await tx
    .update(discountCodes)
    .set({ timesUsed: sql`greatest(${discountCodes.timesUsed} - 1, 0)` })
    .where(eq(discountCodes.id, released.codeId));
}
