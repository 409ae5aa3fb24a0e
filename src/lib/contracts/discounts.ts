import { z } from "zod";
import { discountKinds } from "../discount-kinds";
import { discountStatuses } from "../discount-status";
import { formatMoney } from "../money";
import { textInput } from "../validation/text";
import { MAX_PRICE_CENTS } from "./admin";
import { cents, cursorInput, isoDateTime, nextCursor } from "./common";

export const DISCOUNT_CODE_PATTERN = /^[A-Z0-9_-]+$/;
export const MAX_DISCOUNT_USES = 1_000_000;
/** How many of a code's redemptions its detail shows, newest first. */
export const DISCOUNT_REDEMPTIONS_SHOWN = 50;

const discountCode = z
  .string({ error: "Enter a code" })
  .trim()
  .toUpperCase()
  .min(3, "A code has at least 3 characters")
  .max(40, "A code has at most 40 characters")
  .regex(DISCOUNT_CODE_PATTERN, "Use only letters A–Z, digits, - and _ (no spaces)")
  .meta({ description: "What shoppers type, in any case; kept upper-cased.", example: "SPRING-15" });

// Inside what the database's timestamps hold, so a far-fetched year is a clear 400, not a generic one.
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(9999, 0, 1);

const moment = (what: string) =>
  z.iso
    .datetime({ offset: true, error: `Enter the ${what} as a date and time, e.g. 2026-12-01T09:00:00Z` })
    .refine(
      (value) => {
        const at = Date.parse(value);
        // Not a date at all is the datetime check's to say.
        return Number.isNaN(at) || (at >= EARLIEST && at < LATEST);
      },
      { error: `The ${what} must be between the years 2000 and 9998` },
    )
    .optional();

const limitOfUses = (what: string) =>
  z
    .number({ error: `Enter the ${what} as a number, or leave it out for no limit` })
    .int("Use a whole number")
    .min(1, "At least 1; leave it out for no limit")
    .max(MAX_DISCOUNT_USES, "At most 1,000,000")
    .optional();

/** The new-code form and the server share this schema, so both show the same messages. */
export const createDiscountInput = z
  .object({
    code: discountCode,
    description: textInput(200, "A description has at most 200 characters").trim().default(""),
    kind: z
      .enum(discountKinds, { error: "Choose a percentage or a fixed amount" })
      .meta({ description: "`percent`: value is a whole percent; `fixed`: value is cents off the subtotal." }),
    value: z
      .number({ error: "Enter how much the code takes off" })
      .int("Use a whole number: a percent, or cents")
      .meta({ description: "1–100 for percent codes; cents (more than 0) for fixed ones.", example: 15 }),
    minSubtotalCents: z
      .number({ error: "Enter the minimum subtotal in cents, or 0" })
      .int("Use whole cents")
      .min(0, "The minimum subtotal cannot be negative")
      .max(MAX_PRICE_CENTS, `The minimum subtotal is at most ${formatMoney(MAX_PRICE_CENTS)}`)
      .default(0),
    startsAt: moment("start").meta({ description: "Usable from then on; none: at once." }),
    endsAt: moment("end").meta({ description: "Usable until then; none: no end." }),
    usageLimit: limitOfUses("usage limit").meta({ description: "Orders in all that may use it; none: no limit." }),
    perCustomerLimit: limitOfUses("limit per customer").meta({
      description: "Orders per buyer (counted by email); none: no limit.",
    }),
  })
  .superRefine((input, context) => {
    if (input.kind === "percent" && (input.value < 1 || input.value > 100)) {
      context.addIssue({ code: "custom", path: ["value"], message: "A percentage is a whole number from 1 to 100" });
    }
    if (input.kind === "fixed" && input.value <= 0) {
      context.addIssue({ code: "custom", path: ["value"], message: "A fixed amount is more than 0 cents" });
    }
    if (input.kind === "fixed" && input.value > MAX_PRICE_CENTS) {
      context.addIssue({
        code: "custom",
        path: ["value"],
        message: `A fixed amount is at most ${formatMoney(MAX_PRICE_CENTS)}`,
      });
    }
    if (input.startsAt && input.endsAt && Date.parse(input.endsAt) <= Date.parse(input.startsAt)) {
      context.addIssue({ code: "custom", path: ["endsAt"], message: "The end must be after the start" });
    }
    if (input.usageLimit && input.perCustomerLimit && input.perCustomerLimit > input.usageLimit) {
      context.addIssue({
        code: "custom",
        path: ["perCustomerLimit"],
        message: "The limit per customer cannot be more than the usage limit",
      });
    }
  });

export const discountIdInput = z.object({ id: z.uuid("Discount code ids are UUIDs") });

export const discountsListInput = z.object({
  cursor: cursorInput,
  limit: z.number().int().min(1).max(100).default(25).meta({ description: "Codes per page (1 to 100)." }),
});

export const discountUsage = z.object({
  timesUsed: z
    .number()
    .int()
    .meta({ description: "Uses held by orders; an order that expires or is cancelled gives its use back." }),
  usageLimit: z.number().int().nullable().meta({ description: "Uses allowed in all; null: no limit." }),
  redemptions: z.number().int().meta({ description: "Orders that used the code and kept it." }),
  discountCents: cents("Taken off those orders in total."),
});

export const adminDiscount = z
  .object({
    id: z.uuid(),
    code: z.string(),
    description: z.string(),
    kind: z.enum(discountKinds),
    value: z.number().int().meta({ description: "A whole percent, or cents, by kind." }),
    minSubtotalCents: cents("The subtotal an order needs for the code to apply."),
    startsAt: isoDateTime.nullable(),
    endsAt: isoDateTime.nullable(),
    perCustomerLimit: z.number().int().nullable(),
    pausedAt: isoDateTime.nullable().meta({ description: "Set while paused: checkout refuses the code." }),
    createdAt: isoDateTime,
    status: z.enum(discountStatuses).meta({
      description: "Worked out now: `ended` and `used_up` before `paused`, then `scheduled`, else `active`.",
    }),
    usage: discountUsage,
  })
  .meta({ id: "AdminDiscount", description: "A discount code with its rules and how much it has been used." });

export const discountPage = z.object({ items: z.array(adminDiscount), nextCursor }).meta({ id: "AdminDiscountPage" });

export const discountRedemption = z.object({
  orderId: z.uuid(),
  email: z.string().meta({ description: "The buyer's email (guests have no account)." }),
  discountCents: cents("Taken off this order."),
  createdAt: isoDateTime,
});

export const adminDiscountDetail = z
  .object({
    discount: adminDiscount,
    redemptions: z
      .array(discountRedemption)
      .meta({ description: `The latest ${DISCOUNT_REDEMPTIONS_SHOWN} redemptions, newest first.` }),
  })
  .meta({ id: "AdminDiscountDetail" });

export type CreateDiscountInput = z.infer<typeof createDiscountInput>;
export type AdminDiscountDto = z.infer<typeof adminDiscount>;
export type AdminDiscountDetailDto = z.infer<typeof adminDiscountDetail>;
export type DiscountRedemptionDto = z.infer<typeof discountRedemption>;
