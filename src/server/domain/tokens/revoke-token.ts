import { and, eq, isNull, sql } from "drizzle-orm";
import type { TokenSummaryDto } from "@/lib/contracts/tokens";
import { apiTokens } from "../../db/schema";
import type { Db, DbOrTx } from "../../db/types";
import { recordAudit, type AuditContext } from "../audit/record-audit";
import { DomainError } from "../errors";
import { tokenSummaryColumns, toTokenSummary } from "./token-summary";

/** Revokes one of the actor's tokens; it stops working on the next request. Revoking twice is harmless. */
export async function revokeApiToken(db: Db, audit: AuditContext, tokenId: string): Promise<TokenSummaryDto> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, now())` })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, audit.actor.id)))
      .returning(tokenSummaryColumns);
    if (!row) throw new DomainError("NOT_FOUND", "We could not find that token.");
    await recordAudit(tx, audit, {
      action: "token.revoked",
      target: { type: "api_token", id: tokenId },
      summary: { name: row.name },
    });
    return toTokenSummary(row);
  });
}

/** Revokes every live token of a user (a password change): returns how many were still live. */
export async function revokeAllApiTokens(tx: DbOrTx, userId: string): Promise<number> {
  const revoked = await tx
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return revoked.length;
}
