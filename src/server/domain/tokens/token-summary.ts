import type { TokenSummaryDto } from "@/lib/contracts/tokens";
import { apiTokens, type ApiToken } from "../../db/schema";

/** Token columns that may leave the server: never the hash. */
export const tokenSummaryColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  scopes: apiTokens.scopes,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

type SummaryRow = Pick<ApiToken, keyof typeof tokenSummaryColumns>;

export function toTokenSummary(row: SummaryRow): TokenSummaryDto {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
