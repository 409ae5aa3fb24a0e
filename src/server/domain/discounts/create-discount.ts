import type { AdminDiscountDto, CreateDiscountInput } from "@/lib/contracts/discounts";
import { discountCodes } from "../../db/schema";
import type { Db } from "../../db/types";
import { recordAudit, type AuditContext } from "../audit/record-audit";
import { DomainError } from "../errors";
import { normalizeCode } from "./find-discount-code";
import { readDiscount } from "./read-discount";

const dateOrNull = (iso: string | undefined) => (iso ? new Date(iso) : null);

/** A new discount code, audited. Codes are unique whatever their case: a taken one is CONFLICT and nothing is written. */
export async function createDiscount(
  db: Db,
  audit: AuditContext,
  input: CreateDiscountInput,
  now = new Date(),
): Promise<AdminDiscountDto> {
  const code = normalizeCode(input.code);
  const rules = {
    code,
    description: input.description,
    kind: input.kind,
    value: input.value,
    minSubtotalCents: input.minSubtotalCents,
    startsAt: dateOrNull(input.startsAt),
    endsAt: dateOrNull(input.endsAt),
    usageLimit: input.usageLimit ?? null,
    perCustomerLimit: input.perCustomerLimit ?? null,
  };
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(discountCodes)
      .values({ ...rules, createdBy: audit.actor.id })
      .onConflictDoNothing({ target: discountCodes.code })
      .returning({ id: discountCodes.id });
    if (!created) {
      throw new DomainError("CONFLICT", `There is already a discount code ${code}. Choose another code.`, {
        field: "code",
      });
    }
    await recordAudit(tx, audit, {
      action: "discount.created",
      target: { type: "discount", id: created.id },
      summary: {
        after: {
          ...rules,
          startsAt: rules.startsAt?.toISOString() ?? null,
          endsAt: rules.endsAt?.toISOString() ?? null,
        },
      },
    });
    return readDiscount(tx, created.id, now);
  });
}
