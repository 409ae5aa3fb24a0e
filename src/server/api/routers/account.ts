import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { account } from "@/lib/contracts/account";
import { createTokenInput, issuedToken, tokenIdInput, tokenSummary } from "@/lib/contracts/tokens";
import { createApiToken } from "../../domain/tokens/create-token";
import { listApiTokens } from "../../domain/tokens/list-tokens";
import { revokeApiToken } from "../../domain/tokens/revoke-token";
import { auditContext } from "../audit-context";
import { protectedProcedure } from "../trpc";

export const accountRouter = {
  me: protectedProcedure
    .meta({
      access: "signed-in",
      openapi: {
        method: "GET",
        path: "/account",
        tags: ["Account"],
        summary: "Who am I",
        errorResponses: { 401: "No valid token or session" },
        description: "The account the session or token belongs to.",
      },
    })
    .input(z.void())
    .output(account)
    .query(({ ctx }) => {
      const { id, email, name, role } = ctx.actor;
      return { id, email, name, role };
    }),

  tokens: {
    /** Signed-in sessions only: a token cannot list, make or revoke tokens. */
    list: protectedProcedure
      .meta({ access: "manage:token:own" })
      .input(z.void())
      .output(z.array(tokenSummary))
      .query(({ ctx }) => listApiTokens(ctx.db, ctx.actor)),

    create: protectedProcedure
      .meta({ access: "manage:token:own" })
      .input(createTokenInput)
      .output(issuedToken)
      .mutation(({ ctx, input }) => createApiToken(ctx.db, auditContext(ctx), input)),

    revoke: protectedProcedure
      .meta({ access: "manage:token:own" })
      .input(tokenIdInput)
      .output(tokenSummary)
      .mutation(({ ctx, input }) => revokeApiToken(ctx.db, auditContext(ctx), input.id)),
  },
} satisfies TRPCRouterRecord;
