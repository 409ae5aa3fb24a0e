import { eq } from "drizzle-orm";
import { users, type EmailTokenPurpose } from "../../db/schema";
import type { Tx } from "../../db/types";
import type { Actor } from "../actor";
import {
  consumeEmailToken,
  findUsableEmailToken,
  InvalidEmailLink,
  type ConsumedEmailToken,
} from "../email-tokens/consume-email-token";

/**
 * Uses up a mailed link's token and returns it with its account, locked for the
 * rest of the transaction; InvalidEmailLink when the token cannot be used or the
 * account is disabled or deleted. The account row is locked before the token's,
 * the order every writer of tokens keeps.
 */
export async function followEmailLink(
  tx: Tx,
  purpose: EmailTokenPurpose,
  token: string,
  now: Date,
): Promise<{ link: ConsumedEmailToken; user: Actor }> {
  const found = await findUsableEmailToken(tx, purpose, token, now);
  const [user] = await tx
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabledAt: users.disabledAt,
      deletedAt: users.deletedAt,
    })
    .from(users)
    .where(eq(users.id, found.userId))
    .for("update");
  if (!user || user.disabledAt || user.deletedAt) throw new InvalidEmailLink();
  const link = await consumeEmailToken(tx, purpose, token, now);
  const { id, email, name, role } = user;
  return { link, user: { id, email, name, role } };
}
