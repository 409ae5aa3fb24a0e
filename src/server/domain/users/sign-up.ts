import type { SignUpInput } from "@/lib/contracts/account";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "../../security/common-passwords";
import { hashPassword } from "../../security/password";
import { users } from "../../db/schema";
import type { Db } from "../../db/types";
import type { Actor } from "../actor";
import { DomainError } from "../errors";
import { mailVerificationLink } from "./send-verification";

/**
 * Creates a customer account and mails a link to verify its address, in one
 * transaction. The unique index, not a prior lookup, decides a race between two sign-ups.
 */
export async function signUp(db: Db, input: SignUpInput, now = new Date()): Promise<Actor> {
  assertUncommonPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, role: "customer" })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
    if (!created) throw new DomainError("CONFLICT", "An account with this email already exists. Sign in instead.");
    await mailVerificationLink(tx, created, created.email, now);
    return created;
  });
}

/** A BAD_REQUEST naming the password field, as a zod failure would, so forms show it beside the field. */
export function assertUncommonPassword(password: string, field = "password"): void {
  if (!isCommonPassword(password)) return;
  throw new DomainError("BAD_REQUEST", `Invalid input. ${field}: ${COMMON_PASSWORD_MESSAGE}`, {
    issues: [{ path: field, message: COMMON_PASSWORD_MESSAGE }],
  });
}
