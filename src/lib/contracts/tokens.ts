import { z } from "zod";
import { tokenScopes } from "../permissions";
import { textInput } from "../validation/text";
import { isoDateTime } from "./common";
import { signInInput } from "./account";

export const DEFAULT_TOKEN_DAYS = 90;

const tokenName = textInput(80, "Name must be at most 80 characters")
  .trim()
  .min(1, "Give the token a name")
  .meta({ description: "What the token is for, to recognise it later.", example: "Inventory script" });

const scopes = z
  .array(z.enum(tokenScopes))
  .min(1, "Choose at least one scope")
  .max(tokenScopes.length)
  .transform((chosen) => [...new Set(chosen)])
  .meta({ description: "What the token may do: `read`, `orders`, `admin` (administrators only)." });

const expiresInDays = z
  .number()
  .int()
  .min(1, "At least 1 day")
  .max(365, "At most 365 days")
  .default(DEFAULT_TOKEN_DAYS)
  .meta({ description: "Days until the token stops working." });

export const createTokenInput = z.object({
  name: tokenName,
  scopes: scopes.default(["read", "orders"]),
  expiresInDays,
});

/** auth.token: credentials in, a token out, for clients that cannot hold a session cookie. */
export const issueTokenInput = signInInput.extend({
  name: tokenName.default("API token"),
  scopes: scopes.default(["read", "orders"]),
  expiresInDays,
});

export const tokenIdInput = z.object({ id: z.uuid("Token ids are UUIDs") });

export const tokenSummary = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().meta({ description: "The token's first characters, to tell tokens apart." }),
    scopes: z.array(z.enum(tokenScopes)),
    createdAt: isoDateTime,
    expiresAt: isoDateTime,
    lastUsedAt: isoDateTime.nullable(),
    revokedAt: isoDateTime.nullable(),
  })
  .meta({ id: "TokenSummary" });

export const issuedToken = z
  .object({
    token: z.string().meta({
      description: "The token itself. It is shown only this once: store it safely.",
      example: "sf_4Qe…",
    }),
    expiresAt: isoDateTime,
    summary: tokenSummary,
  })
  .meta({ id: "IssuedToken" });

export type CreateTokenInput = z.infer<typeof createTokenInput>;
export type TokenSummaryDto = z.infer<typeof tokenSummary>;
export type IssuedTokenDto = z.infer<typeof issuedToken>;
