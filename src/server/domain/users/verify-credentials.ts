import { eq } from "drizzle-orm";
import type { SignInInput } from "@/lib/contracts/account";
import { verifyPassword } from "../../security/password";
import { users } from "../../db/schema";
import type { Db } from "../../db/types";
import type { Actor } from "../actor";

/** The account for these credentials, or null: an unknown email and a wrong password look the same. */
export async function verifyCredentials(db: Db, input: SignInInput): Promise<Actor | null> {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, input.email))
    .limit(1);
  const valid = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !valid) return null;
  const { passwordHash: _omitted, ...actor } = user;
  return actor;
}
