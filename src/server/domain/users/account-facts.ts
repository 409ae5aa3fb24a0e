import { eq, sql } from "drizzle-orm";
import { users } from "../../db/schema";
import type { Db } from "../../db/types";

/** What account.me tells beyond the identity, in one read: whether there is a password, and a verified address. */
export async function accountFacts(db: Db, userId: string): Promise<{ hasPassword: boolean; emailVerified: boolean }> {
  const [row] = await db
    .select({
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      emailVerified: sql<boolean>`${users.emailVerified} is not null`,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return { hasPassword: row?.hasPassword ?? false, emailVerified: row?.emailVerified ?? false };
}
