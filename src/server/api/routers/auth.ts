import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { account, signUpInput } from "@/lib/contracts/account";
import { issuedToken, issueTokenInput } from "@/lib/contracts/tokens";
import { createApiToken } from "../../domain/tokens/create-token";
import { signUp } from "../../domain/users/sign-up";
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
} satisfies TRPCRouterRecord;
