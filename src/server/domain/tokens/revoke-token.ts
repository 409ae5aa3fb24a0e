import { and, eq, sql } from "drizzle-orm";
import type { TokenSummaryDto } from "@/lib/contracts/tokens";
import { apiTokens } from "../../db/schema";
import type { Db } from "../../db/types";
import type { Actor } from "../actor";
import { DomainError } from "../errors";
import { tokenSummaryColumns, toTokenSummary } from "./token-summary";

/** Revokes one of the actor's tokens; it stops working on the next request. Revoking twice is harmless. */
export async function revokeApiToken(db: Db, actor: Actor, tokenId: string): Promise<TokenSummaryDto> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, now())` })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, actor.id)))
    .returning(tokenSummaryColumns);
  if (!row) throw new DomainError("NOT_FOUND", "We could not find that token.");
  return toTokenSummary(row);
}
