import { eq } from "drizzle-orm";
import type { MailPreferences } from "@/lib/contracts/account-data";
import { users } from "../../db/schema";
import type { DbOrTx } from "../../db/types";
import { DomainError } from "../errors";

export async function getMailPreferences(db: DbOrTx, userId: string): Promise<MailPreferences> {
  const [row] = await db.select({ orderUpdates: users.orderUpdateMail }).from(users).where(eq(users.id, userId));
  if (!row) throw new DomainError("NOT_FOUND", "This account no longer exists.");
  return row;
}

/** Sets which optional mail the account gets; returns whether anything changed. */
export async function setMailPreferences(db: DbOrTx, userId: string, preferences: MailPreferences): Promise<boolean> {
  const changed = await db
    .update(users)
    .set({ orderUpdateMail: preferences.orderUpdates })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  return changed.length > 0;
}
