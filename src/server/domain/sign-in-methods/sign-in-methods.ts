import { and, eq } from "drizzle-orm";
import { accounts, users } from "../../db/schema";
import type { Db, DbOrTx } from "../../db/types";
import { recordAudit, type AuditContext } from "../audit/record-audit";
import { DomainError } from "../errors";

/** How an account can sign in: its password (if it has one) and the providers linked to it. */
export async function listSignInMethods(
  db: DbOrTx,
  userId: string,
): Promise<{ hasPassword: boolean; providers: string[] }> {
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  const linked = await db
    .select({ provider: accounts.provider })
    .from(accounts)
    .where(eq(accounts.userId, userId))
    .orderBy(accounts.provider);
  return { hasPassword: Boolean(user?.passwordHash), providers: linked.map((row) => row.provider) };
}

/** Removes a linked provider (false when it was not linked: done already); never the account's last way in. */
export async function unlinkSignInMethod(db: Db, audit: AuditContext, provider: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { hasPassword, providers } = await listSignInMethods(tx, audit.actor.id);
    if (!providers.includes(provider)) return false;
    if (!hasPassword && providers.length === 1) {
      throw new DomainError("CONFLICT", "Set a password first: this is the only way you can sign in.");
    }
    await tx.delete(accounts).where(and(eq(accounts.userId, audit.actor.id), eq(accounts.provider, provider)));
    await recordAudit(tx, audit, {
      action: "account.sign_in_unlinked",
      target: { type: "user", id: audit.actor.id },
      summary: { provider },
    });
    return true;
  });
}

/** Removes every linked provider (a password change or reset that did not ask to keep them); returns which. */
export async function dropSignInMethods(tx: DbOrTx, userId: string): Promise<string[]> {
  const dropped = await tx
    .delete(accounts)
    .where(eq(accounts.userId, userId))
    .returning({ provider: accounts.provider });
  return dropped.map((row) => row.provider);
}
