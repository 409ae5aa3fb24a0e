import { and, eq, gt, isNull } from "drizzle-orm";
import { INVALID_LINK_MESSAGE } from "@/lib/contracts/email-links";
import { emailTokens, type EmailTokenPurpose } from "../../db/schema";
import type { DbOrTx } from "../../db/types";
import { DomainError } from "../errors";
import { hashEmailToken, looksLikeEmailToken } from "./token-secret";

/** A token that was used, has expired, or never existed: the link says no more than that. */
export class InvalidEmailLink extends DomainError {
  constructor() {
    super("BAD_REQUEST", INVALID_LINK_MESSAGE);
  }
}

export interface ConsumedEmailToken {
  id: string;
  userId: string;
  /** The address the link was mailed to. */
  email: string;
}

const consumedColumns = { id: emailTokens.id, userId: emailTokens.userId, email: emailTokens.email };

function usable(purpose: EmailTokenPurpose, token: string, now: Date) {
  return and(
    eq(emailTokens.tokenHash, hashEmailToken(token)),
    eq(emailTokens.purpose, purpose),
    isNull(emailTokens.usedAt),
    gt(emailTokens.expiresAt, now),
  );
}

/**
 * Uses a token up, or throws InvalidEmailLink. One conditional UPDATE decides:
 * of two requests racing with the same token, the second finds it used.
 */
export async function consumeEmailToken(
  tx: DbOrTx,
  purpose: EmailTokenPurpose,
  token: string,
  now = new Date(),
): Promise<ConsumedEmailToken> {
  if (!looksLikeEmailToken(token)) throw new InvalidEmailLink();
  const [row] = await tx
    .update(emailTokens)
    .set({ usedAt: now })
    .where(usable(purpose, token, now))
    .returning(consumedColumns);
  if (!row) throw new InvalidEmailLink();
  return row;
}

/**
 * The token if it could be used now, or throws InvalidEmailLink; spends
 * nothing. Callers read it first to lock the account row before consuming:
 * every writer of an account's tokens locks the account first, so two of them
 * never wait on each other's locks.
 */
export async function findUsableEmailToken(
  db: DbOrTx,
  purpose: EmailTokenPurpose,
  token: string,
  now = new Date(),
): Promise<ConsumedEmailToken> {
  if (!looksLikeEmailToken(token)) throw new InvalidEmailLink();
  const [row] = await db
    .select(consumedColumns)
    .from(emailTokens)
    .where(usable(purpose, token, now))
    .limit(1);
  if (!row) throw new InvalidEmailLink();
  return row;
}
