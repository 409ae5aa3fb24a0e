import { sql } from "drizzle-orm";
import type { AdminDiscountDto } from "@/lib/contracts/discounts";
import { discountCodes, discountRedemptions } from "../../db/schema";
import type { DiscountCodeRow } from "./discount-eligibility";
import { discountStatus } from "./discount-status";

const ofThisCode = sql`from ${discountRedemptions} where ${discountRedemptions.codeId} = ${discountCodes.id}`;

/** A code's columns and its usage, counted from the redemptions that orders still hold. */
export const adminDiscountColumns = {
  id: discountCodes.id,
  code: discountCodes.code,
  description: discountCodes.description,
  kind: discountCodes.kind,
  value: discountCodes.value,
  minSubtotalCents: discountCodes.minSubtotalCents,
  startsAt: discountCodes.startsAt,
  endsAt: discountCodes.endsAt,
  usageLimit: discountCodes.usageLimit,
  perCustomerLimit: discountCodes.perCustomerLimit,
  timesUsed: discountCodes.timesUsed,
  pausedAt: discountCodes.pausedAt,
  createdAt: discountCodes.createdAt,
  redemptions: sql<number>`(select count(*) ${ofThisCode})::int`,
  // bigint: the sum of many int columns can pass the int range; it still fits a JS number exactly.
  discountCents:
    sql<number>`(select coalesce(sum(${discountRedemptions.discountCents}), 0) ${ofThisCode})::bigint`.mapWith(Number),
};

type Usage = "redemptions" | "discountCents";
type AdminDiscountRow = Pick<DiscountCodeRow, Exclude<keyof typeof adminDiscountColumns, Usage>> &
  Record<Usage, number>;

export function toAdminDiscountDto(row: AdminDiscountRow, now: Date): AdminDiscountDto {
  return {
    id: row.id,
    code: row.code,
    description: row.description,
    kind: row.kind,
    value: row.value,
    minSubtotalCents: row.minSubtotalCents,
    startsAt: row.startsAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
    perCustomerLimit: row.perCustomerLimit,
    pausedAt: row.pausedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    status: discountStatus(row, now),
    usage: {
      timesUsed: row.timesUsed,
      usageLimit: row.usageLimit,
      redemptions: row.redemptions,
      discountCents: row.discountCents,
    },
  };
}
