import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { account, signUpInput } from "@/lib/contracts/account";
import {
  accepted,
  requestPasswordResetInput,
  resetPasswordInput,
  verifiedEmail,
  verifyEmailInput,
} from "@/lib/contracts/email-links";
import { issuedToken, issueTokenInput } from "@/lib/contracts/tokens";
import { createApiToken } from "../../domain/tokens/create-token";
import { requestPasswordReset } from "../../domain/users/request-password-reset";
import { resetPassword } from "../../domain/users/reset-password";
import { signUp } from "../../domain/users/sign-up";
import { verifyEmail } from "../../domain/users/verify-email";
import { verifyCredentials } from "../../domain/users/verify-credentials";
import { RateLimitExceeded, refundSignInAttempt, spendSignInAttempt } from "../../http/rate-limit/limiter";
import { recordSignIn } from "../../domain/audit/record-audit";
import { rateLimitPolicies } from "../../http/rate-limit/policies";
import { auditContext } from "../audit-context";
import { procedure, rateLimit } from "../trpc";

export const authRouter = {
  /** Anyone may create a customer account; strictly rate limited per client address. */
  signUp: procedure("public")
    .use(rateLimit(rateLimitPolicies.signUp))
    .input(signUpInput)
    .output(z.object({ user: account }))
    .mutation(async ({ ctx, input }) => ({ user: await signUp(ctx.db, input) })),

  /** Anyone with credentials: a bearer token, shown once. Rate limited like sign-in, whose budget it shares. */
  token: procedure("public")
    .meta({
      rest: { created: false },
      openapi: {
        method: "POST",
        path: "/auth/token",
        tags: ["Authentication"],
        protect: false,
        summary: "Get an API token",
        errorResponses: {
          400: "Invalid input: the issues name the field",
          401: "Wrong email or password",
          429: "Too many attempts; wait Retry-After seconds",
        },
        description:
          "Exchanges an email and password for a bearer token (send it as `Authorization: Bearer <token>`). " +
          "The token is shown only in this answer; only its hash is kept. Scopes default to read and orders.",
      },
    })
    .input(issueTokenInput)
    .output(issuedToken)
    .mutation(async ({ ctx, input }) => {
      // Audited like a password sign-in: a refusal and a wrong password each leave a row.
      const origin = { requestId: ctx.requestId, clientIp: ctx.clientIp };
      try {
        await spendSignInAttempt(ctx.rateLimiter, input.email, ctx.clientIp);
      } catch (error) {
        if (error instanceof RateLimitExceeded) {
          await recordSignIn(ctx.db, { email: input.email, userId: null, outcome: "rate_limited" }, origin);
        }
        throw error;
      }
      const user = await verifyCredentials(ctx.db, input);
      if (!user) {
        await recordSignIn(ctx.db, { email: input.email, userId: null, outcome: "wrong_credentials" }, origin);
        throw new TRPCError({ code: "UNAUTHORIZED", message: "Wrong email or password." });
      }
      await refundSignInAttempt(ctx.rateLimiter, input.email, ctx.clientIp);
      return createApiToken(ctx.db, auditContext({ ...ctx, actor: user }), input);
    }),

  /**
   * Anyone: mails a reset link when the address has an account, and answers the
   * same either way. Limited per client address and per email (whether or not it
   * has an account, so a refusal says nothing either).
   */
  requestPasswordReset: procedure("public")
    .meta({
      rest: { created: false },
      openapi: {
        method: "POST",
        path: "/auth/password-reset",
        tags: ["Authentication"],
        protect: false,
        summary: "Ask for a password reset link",
        errorResponses: {
          400: "Invalid input: the issues name the field",
          429: "Too many requests for this address or email; wait Retry-After seconds",
        },
        description:
          "Mails a link to reset the password to the address, when it belongs to an account. " +
          "The answer is the same whether or not it does. The link works once, for 30 minutes.",
      },
    })
    .use(rateLimit(rateLimitPolicies.passwordResetPerAddress))
    .input(requestPasswordResetInput)
    .output(accepted)
    .mutation(async ({ ctx, input }) => {
      await ctx.rateLimiter.consume(rateLimitPolicies.passwordResetPerEmail, input.email);
      await requestPasswordReset(ctx.db, { requestId: ctx.requestId, clientIp: ctx.clientIp }, input.email);
      return { ok: true as const };
    }),

  /** Anyone holding a reset link: a new password, and every session, API token and linked provider ends. */
  resetPassword: procedure("public")
    .meta({
      rest: { created: false },
      openapi: {
        method: "POST",
        path: "/auth/password-reset/confirm",
        tags: ["Authentication"],
        protect: false,
        summary: "Set a new password with a reset link",
        errorResponses: {
          400: "Invalid input, or a link that was used, has expired or is unknown",
          429: "Too many requests; wait Retry-After seconds",
        },
        description:
          "Sets the password with the token from a reset link. Every session and API token of the account ends, " +
          "linked identity providers are removed, and the link stops working.",
      },
    })
    .use(rateLimit(rateLimitPolicies.passwordResetPerAddress))
    .input(resetPasswordInput)
    .output(accepted)
    .mutation(async ({ ctx, input }) => {
      await resetPassword(ctx.db, { requestId: ctx.requestId, clientIp: ctx.clientIp }, input);
      return { ok: true as const };
    }),

  /** Anyone holding a verification link: proves the address (or completes a change of address). */
  verifyEmail: procedure("public")
    .meta({
      rest: { created: false },
      openapi: {
        method: "POST",
        path: "/auth/verify-email",
        tags: ["Authentication"],
        protect: false,
        summary: "Verify an email address with a mailed link",
        errorResponses: {
          400: "Invalid input, or a link that was used, has expired or is unknown",
          409: "The new address now belongs to another account",
          429: "Too many requests; wait Retry-After seconds",
        },
        description:
          "Marks the address verified with the token from a verification link. For a change of address, " +
          "the new address replaces the old one, which is told by mail.",
      },
    })
    .input(verifyEmailInput)
    .output(verifiedEmail)
    .mutation(({ ctx, input }) =>
      verifyEmail(ctx.db, { requestId: ctx.requestId, clientIp: ctx.clientIp }, input.token),
    ),
} satisfies TRPCRouterRecord;
