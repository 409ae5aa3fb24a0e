import { eq } from "drizzle-orm";
import type { SignInInput } from "@/lib/contracts/account";
import { users } from "../../db/schema";
import type { Db } from "../../db/types";
import { verifyPassword } from "../../security/password";
import type { Actor } from "../actor";

/**
 * The account for these credentials, or null: an unknown email, a wrong
 * password, an account without a password (identity-provider only) and a
 * disabled account all look the same, and take the same time.
 */
export async function verifyCredentials(db: Db, input: SignInInput): Promise<Actor | null> {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.email, input.email))
    .limit(1);
  const valid = await verifyPassword(user?.passwordHash ?? undefined, input.password);
  if (!user || !valid || user.disabledAt) return null;
  const { id, email, name, role } = user;
  return { id, email, name, role };
}
