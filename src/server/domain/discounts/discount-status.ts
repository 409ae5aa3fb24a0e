import type { DiscountStatus } from "@/lib/discount-status";
import type { DiscountCodeRow } from "./discount-eligibility";

type StatusFacts = Pick<DiscountCodeRow, "pausedAt" | "startsAt" | "endsAt" | "usageLimit" | "timesUsed">;

/**
 * Where a code stands at `now`, with the same boundaries as checkout's eligibility. Ended and
 * used up outrank paused: resuming such a code would not make it usable again.
 */
export function discountStatus(code: StatusFacts, now: Date): DiscountStatus {
  if (code.endsAt && now >= code.endsAt) return "ended";
  if (code.usageLimit !== null && code.timesUsed >= code.usageLimit) return "used_up";
  if (code.pausedAt) return "paused";
  if (code.startsAt && now < code.startsAt) return "scheduled";
  return "active";
}
