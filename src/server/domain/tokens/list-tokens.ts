import { desc, eq } from "drizzle-orm";
import type { TokenSummaryDto } from "@/lib/contracts/tokens";
import { apiTokens } from "../../db/schema";
import type { Db } from "../../db/types";
import type { Actor } from "../actor";
import { tokenSummaryColumns, toTokenSummary } from "./token-summary";

/** The actor's tokens, newest first, revoked and expired ones included (marked as such). */
export async function listApiTokens(db: Db, actor: Actor): Promise<TokenSummaryDto[]> {
  const rows = await db
    .select(tokenSummaryColumns)
    .from(apiTokens)
    .where(eq(apiTokens.userId, actor.id))
    .orderBy(desc(apiTokens.createdAt))
    .limit(200);
  return rows.map(toTokenSummary);
}
