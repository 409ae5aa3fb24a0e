import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env, isProduction } from "@/env";
import { signInInput } from "@/lib/contracts/account";
import { getDb } from "../db/client";
import type { UserRole } from "../db/schema";
import { recordSignIn } from "../domain/audit/record-audit";
import { verifyCredentials } from "../domain/users/verify-credentials";
import { clientIpFrom } from "../http/client-ip";
import { enforceRateLimit, RateLimitExceeded, rateLimitPolicies } from "../http/rate-limit";
import { logger } from "../observability/logger";
import { findUserById } from "./identity";
import { getAuthSecret } from "./secret";

declare module "next-auth" {
  interface User {
    role?: UserRole;
  }
  interface Session {
    user?: { id: string; email: string; name: string; role: UserRole };
  }
}

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** Reported to the sign-in form as its own message instead of "wrong email or password". */
export class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
}

async function authorize(raw: Partial<Record<string, unknown>>, request: Request) {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) return null;
  const { email } = parsed.data;
  const db = await getDb();
  const origin = { requestId: request.headers.get("x-request-id"), clientIp: clientIpFrom(request.headers) };
  try {
    await enforceRateLimit(db, rateLimitPolicies.signInPerAddress, origin.clientIp);
    await enforceRateLimit(db, rateLimitPolicies.signInPerAccount, email);
  } catch (error) {
    if (!(error instanceof RateLimitExceeded)) throw error;
    await recordSignIn(db, { email, userId: null, outcome: "rate_limited" }, origin);
    throw new RateLimitedSignIn();
  }
  const user = await verifyCredentials(db, parsed.data);
  await recordSignIn(
    db,
    { email, userId: user?.id ?? null, outcome: user ? "signed_in" : "wrong_credentials" },
    origin,
  );
  return user;
}

// A function, so the secret is read on the first auth request rather than at import (build time).
function config(): NextAuthConfig {
  return {
    secret: getAuthSecret(),
    trustHost: env.AUTH_TRUST_HOST ?? !isProduction,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in" },
    logger: {
      // A failed sign-in is an expected outcome, not a server error with a stack trace.
      error(error) {
        if (error instanceof CredentialsSignin) logger.info({ code: error.code }, "sign-in refused");
        else logger.error({ err: error }, "auth error");
      },
      warn(code) {
        logger.warn({ code }, "auth warning");
      },
      debug() {},
    },
    providers: [Credentials({ credentials: { email: {}, password: {} }, authorize })],
    callbacks: {
      // The cookie carries only the user id; everything else is read fresh.
      jwt({ token, user }) {
        if (user?.id) token.sub = user.id;
        return token;
      },
      // What /api/auth/session and useSession() report: read from the database, so a role change shows at once.
      async session({ session, token }) {
        const user = token.sub ? await findUserById(await getDb(), token.sub) : undefined;
        if (!user) return { ...session, user: undefined };
        return { ...session, user: { ...session.user, ...user } };
      },
    },
  };
}

export const { handlers, signIn, signOut } = NextAuth(config);
