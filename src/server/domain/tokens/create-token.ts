import type { CreateTokenInput, IssuedTokenDto } from "@/lib/contracts/tokens";
import { apiTokens } from "../../db/schema";
import type { Db } from "../../db/types";
import { hashApiToken, newApiToken } from "../../security/api-token";
import { recordAudit, type AuditContext } from "../audit/record-audit";
import { DomainError } from "../errors";
import { tokenSummaryColumns, toTokenSummary } from "./token-summary";

const DAY_MS = 86_400_000;

/** A new API token for the actor. The token itself is returned this once; only its hash is stored. */
export async function createApiToken(
  db: Db,
  audit: AuditContext,
  input: CreateTokenInput,
  now = new Date(),
): Promise<IssuedTokenDto> {
  const { actor } = audit;
  if (input.scopes.includes("admin") && actor.role !== "admin") {
    throw new DomainError("FORBIDDEN", "Only administrators can create tokens with the admin scope.");
  }
  const token = newApiToken();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: actor.id,
        name: input.name,
        tokenHash: hashApiToken(token),
        prefix: token.slice(0, 7),
        scopes: input.scopes,
        expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
      })
      .returning(tokenSummaryColumns);
    if (!row) throw new Error("token insert returned nothing");
    const summary = toTokenSummary(row);
    await recordAudit(tx, audit, {
      action: "token.created",
      target: { type: "api_token", id: summary.id },
      summary: { name: summary.name, scopes: summary.scopes, expiresAt: summary.expiresAt },
    });
    return { token, expiresAt: summary.expiresAt, summary };
  });
}
