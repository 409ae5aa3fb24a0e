import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { noInput } from "@/lib/contracts/common";
import {
  accountProfile,
  changePasswordInput,
  confirmLinkInput,
  signInMethods,
  unlinkSignInInput,
} from "@/lib/contracts/account";
import { createTokenInput, issuedToken, tokenIdInput, tokenSummary } from "@/lib/contracts/tokens";
import { createApiToken } from "../../domain/tokens/create-token";
import { listApiTokens } from "../../domain/tokens/list-tokens";
import { revokeApiToken } from "../../domain/tokens/revoke-token";
import { auditContext } from "../audit-context";
import { recordAudit } from "../../domain/audit/record-audit";
import { endAllSessions } from "../../domain/sessions/sessions";
import { confirmLinking } from "../../domain/sign-in-methods/link-confirmation";
import { listSignInMethods, unlinkSignInMethod } from "../../domain/sign-in-methods/sign-in-methods";
import { changePassword, hasPassword, verifyCurrentPassword } from "../../domain/users/change-password";
import { providerName } from "../../auth/identity-providers";
import { asPasswordAttempt } from "../password-attempts";
import { procedure } from "../trpc";

export const accountRouter = {
  me: procedure("signed-in")
    .meta({
      openapi: {
        method: "GET",
        path: "/account",
        tags: ["Account"],
        summary: "Who am I",
        errorResponses: { 401: "No valid token or session" },
        description: "The account the session or token belongs to.",
      },
    })
    .input(noInput)
    .output(accountProfile)
    .query(async ({ ctx }) => {
      const { id, email, name, role } = ctx.actor;
      return { id, email, name, role, hasPassword: await hasPassword(ctx.db, id) };
    }),

  /** Ends every session of the account, this one included: "sign out of all devices". */
  signOutEverywhere: procedure("manage:session:own")
    .input(noInput)
    .output(z.object({ sessionsEnded: z.number().int() }))
    .mutation(async ({ ctx }) => {
      const audit = auditContext(ctx);
      return ctx.db.transaction(async (tx) => {
        const sessionsEnded = await endAllSessions(tx, ctx.actor.id);
        await recordAudit(tx, audit, { action: "account.signed_out_everywhere", summary: { sessionsEnded } });
        return { sessionsEnded };
      });
    }),

  /** Checks the current password (a wrong one counts as a failed sign-in); every other session ends. */
  changePassword: procedure("update:account:own")
    .input(changePasswordInput)
    .output(z.object({ otherSessionsEnded: z.number().int(), signInMethodsRemoved: z.array(z.string()) }))
    .mutation(({ ctx, input }) =>
      asPasswordAttempt(ctx, ctx.actor.email, () =>
        changePassword(ctx.db, auditContext(ctx), input, ctx.actor.sessionId),
      ),
    ),

  signInMethods: {
    /** Sessions only: the password and the identity providers that sign in to this account. */
    list: procedure("manage:session:own")
      .input(noInput)
      .output(signInMethods)
      .query(async ({ ctx }) => {
        const { hasPassword: withPassword, providers } = await listSignInMethods(ctx.db, ctx.actor.id);
        return {
          hasPassword: withPassword,
          providers: providers.map((provider) => ({ provider, name: providerName(provider) })),
        };
      }),

    /**
     * Checks the password (counted like a sign-in) and lets this session link
     * one identity provider within the next ten minutes: a cookie alone,
     * stolen or left open, cannot tie someone else's provider account to this one.
     */
    confirmLink: procedure("manage:session:own")
      .input(confirmLinkInput)
      .output(z.object({ until: z.iso.datetime() }))
      .mutation(async ({ ctx, input }) => {
        await asPasswordAttempt(ctx, ctx.actor.email, () =>
          verifyCurrentPassword(ctx.db, ctx.actor.id, input.currentPassword),
        );
        const sessionId = ctx.actor.sessionId;
        if (!sessionId) throw new TRPCError({ code: "FORBIDDEN", message: "Sign in to the shop to link a provider." });
        return { until: (await confirmLinking(ctx.db, sessionId)).toISOString() };
      }),

    /** Removes a linked provider (`removed: false` when it was not linked); CONFLICT when it is the only way in. */
    unlink: procedure("manage:session:own")
      .input(unlinkSignInInput)
      .output(z.object({ removed: z.boolean() }))
      .mutation(async ({ ctx, input }) => ({
        removed: await unlinkSignInMethod(ctx.db, auditContext(ctx), input.provider),
      })),
  },

  tokens: {
    /** Signed-in sessions only: a token cannot list, make or revoke tokens. */
    list: procedure("manage:token:own")
      .input(noInput)
      .output(z.array(tokenSummary))
      .query(({ ctx }) => listApiTokens(ctx.db, ctx.actor)),

    create: procedure("manage:token:own")
      .input(createTokenInput)
      .output(issuedToken)
      .mutation(({ ctx, input }) => createApiToken(ctx.db, auditContext(ctx), input)),

    revoke: procedure("manage:token:own")
      .input(tokenIdInput)
      .output(tokenSummary)
      .mutation(({ ctx, input }) => revokeApiToken(ctx.db, auditContext(ctx), input.id)),
  },
} satisfies TRPCRouterRecord;
