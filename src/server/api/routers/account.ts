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
import { changeEmailInput, pendingEmail, verificationSent } from "@/lib/contracts/email-links";
import { createTokenInput, issuedToken, tokenIdInput, tokenSummary } from "@/lib/contracts/tokens";
import { createApiToken } from "../../domain/tokens/create-token";
import { listApiTokens } from "../../domain/tokens/list-tokens";
import { revokeApiToken } from "../../domain/tokens/revoke-token";
import { auditContext } from "../audit-context";
import { recordAudit } from "../../domain/audit/record-audit";
import { endAllSessions } from "../../domain/sessions/sessions";
import { confirmLinking } from "../../domain/sign-in-methods/link-confirmation";
import { listSignInMethods, unlinkSignInMethod } from "../../domain/sign-in-methods/sign-in-methods";
import { accountFacts } from "../../domain/users/account-facts";
import { changeEmail } from "../../domain/users/change-email";
import { changePassword, verifyCurrentPassword } from "../../domain/users/change-password";
import { resendVerification } from "../../domain/users/send-verification";
import { providerName } from "../../auth/identity-providers";
import { rateLimitPolicies } from "../../http/rate-limit/policies";
import { asPasswordAttempt } from "../password-attempts";
import { procedure } from "../trpc";
import { accountAddressesRouter } from "./account-addresses";
import { accountDataProcedures } from "./account-data";

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
      return { id, email, name, role, ...(await accountFacts(ctx.db, id)) };
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

  /** A new link for the account's address, while it is unverified (CONFLICT after); a few an hour. */
  resendVerification: procedure("update:account:own")
    .input(noInput)
    .output(verificationSent)
    .mutation(async ({ ctx }) => {
      await ctx.rateLimiter.consume(rateLimitPolicies.verificationMailPerAccount, ctx.actor.id);
      return resendVerification(ctx.db, ctx.actor.id);
    }),

  /**
   * Checks the password (a wrong one counts as a failed sign-in) and mails a
   * link to the new address; the account keeps its address until it is followed.
   * Shares the resend budget: each call mails an address the caller typed.
   */
  changeEmail: procedure("update:account:own")
    .input(changeEmailInput)
    .output(pendingEmail)
    .mutation(async ({ ctx, input }) => {
      await ctx.rateLimiter.consume(rateLimitPolicies.verificationMailPerAccount, ctx.actor.id);
      return asPasswordAttempt(ctx, ctx.actor.email, () => changeEmail(ctx.db, auditContext(ctx), input));
    }),

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

  addresses: accountAddressesRouter,

  ...accountDataProcedures,
} satisfies TRPCRouterRecord;
