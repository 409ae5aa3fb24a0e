import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env, isProduction } from "@/env";
import { signInInput } from "@/lib/contracts/account";
import { getDb } from "../db/client";
import type { UserRole } from "../db/schema";
import { verifyCredentials } from "../domain/users/verify-credentials";
import { clientIpFrom } from "../http/client-ip";
import { enforceRateLimit, RateLimitExceeded, rateLimitPolicies } from "../http/rate-limit";
import { logger } from "../observability/logger";
import { getAuthSecret } from "./secret";

declare module "next-auth" {
  interface User {
    role?: UserRole;
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
  const db = await getDb();
  try {
    await enforceRateLimit(db, rateLimitPolicies.signInPerAddress, clientIpFrom(request.headers));
    await enforceRateLimit(db, rateLimitPolicies.signInPerAccount, parsed.data.email);
  } catch (error) {
    if (error instanceof RateLimitExceeded) throw new RateLimitedSignIn();
    throw error;
  }
  return verifyCredentials(db, parsed.data);
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
      // The claims session-cookie.ts reads on every request: id, email, name and role.
      jwt({ token, user }) {
        if (user?.id) {
          token.sub = user.id;
          token.email = user.email;
          token.name = user.name;
          token.role = user.role;
        }
        return token;
      },
    },
  };
}

export const { handlers, signIn, signOut } = NextAuth(config);
