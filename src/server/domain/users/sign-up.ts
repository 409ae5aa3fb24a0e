import type { SignUpInput } from "@/lib/contracts/account";
import { hashPassword } from "../../security/password";
import { users } from "../../db/schema";
import type { Db } from "../../db/types";
import type { Actor } from "../actor";
import { DomainError } from "../errors";

/** Creates a customer account. The unique index, not a prior lookup, decides a race between two sign-ups. */
export async function signUp(db: Db, input: SignUpInput): Promise<Actor> {
  const passwordHash = await hashPassword(input.password);
  const [created] = await db
    .insert(users)
    .values({ email: input.email, name: input.name, passwordHash, role: "customer" })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
  if (!created) throw new DomainError("CONFLICT", "An account with this email already exists. Sign in instead.");
  return created;
}
