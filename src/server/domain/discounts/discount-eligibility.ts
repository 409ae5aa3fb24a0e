import { formatMoney } from "@/lib/money";
import type { DiscountRule } from "@/lib/shop/order-totals";
import type { discountCodes } from "../../db/schema";

export type DiscountCodeRow = typeof discountCodes.$inferSelect;

export const discountRefusals = [
  "unknown",
  "paused",
  "not_started",
  "ended",
  "below_minimum",
  "used_up",
  "used_by_you",
] as const;
export type DiscountRefusal = (typeof discountRefusals)[number];

export type Eligibility =
  | { applies: true; rule: DiscountRule; code: DiscountCodeRow }
  | { applies: false; reason: DiscountRefusal; message: string };

const day = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export function ruleOf(code: DiscountCodeRow): DiscountRule {
  return code.kind === "percent"
    ? { kind: "percent", percent: code.value }
    : { kind: "fixed", amountCents: code.value };
}

export function refusalMessage(reason: DiscountRefusal, typed: string, code?: DiscountCodeRow): string {
  const name = code?.code ?? typed.trim().toUpperCase();
  const messages: Record<DiscountRefusal, string> = {
    unknown: `There is no discount code ${name}. Check the spelling.`,
    paused: `The code ${name} is not active at the moment.`,
    not_started: `The code ${name} can be used from ${code?.startsAt ? day.format(code.startsAt) : "a later date"}.`,
    ended: `The code ${name} expired on ${code?.endsAt ? day.format(code.endsAt) : "an earlier date"}.`,
    below_minimum: `The code ${name} needs a subtotal of at least ${formatMoney(code?.minSubtotalCents ?? 0)}.`,
    used_up: `The code ${name} has been used as many times as it allows.`,
    used_by_you: `You have already used the code ${name} as many times as it allows.`,
  };
  return messages[reason];
}

function refusal(reason: DiscountRefusal, typed: string, code?: DiscountCodeRow): Eligibility {
  return { applies: false, reason, message: refusalMessage(reason, typed, code) };
}

/**
 * Whether a code applies to a cart, for the quote and as checkout's first check. The usage limits
 * are checked here from committed counts and again under the code's row lock when the order is written.
 */
export function eligibility(
  typed: string,
  code: DiscountCodeRow | undefined,
  subtotalCents: number,
  usesByCustomer: number,
  now = new Date(),
): Eligibility {
  if (!code) return refusal("unknown", typed);
  if (code.pausedAt) return refusal("paused", typed, code);
  if (code.startsAt && now < code.startsAt) return refusal("not_started", typed, code);
  if (code.endsAt && now >= code.endsAt) return refusal("ended", typed, code);
  if (subtotalCents < code.minSubtotalCents) return refusal("below_minimum", typed, code);
  if (code.usageLimit !== null && code.timesUsed >= code.usageLimit) return refusal("used_up", typed, code);
  if (code.perCustomerLimit !== null && usesByCustomer >= code.perCustomerLimit)
    return refusal("used_by_you", typed, code);
  return { applies: true, rule: ruleOf(code), code };
}
