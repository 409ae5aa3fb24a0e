import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { eq } from "drizzle-orm";
import NextAuth, { AuthError, CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env, isProduction } from "@/env";
import { signInInput } from "@/lib/contracts/account";
import { getDb } from "../db/client";
import { accounts, users, type UserRole } from "../db/schema";
import type { SignInFailureReason } from "@/lib/audit-actions";
import type { Db } from "../db/types";
import type { Actor } from "../domain/actor";
import { recordAudit, recordSignIn } from "../domain/audit/record-audit";
import { endSession, SESSION_LIFETIME_MS, startSession } from "../domain/sessions/sessions";
import { spendLinkConfirmation } from "../domain/sign-in-methods/link-confirmation";
import { verifyCredentials } from "../domain/users/verify-credentials";
import { clientIpFrom } from "../http/client-ip";
import { rateLimiterFor } from "../http/rate-limit/app-limiter";
import { RateLimitExceeded, refundSignInAttempt, spendSignInAttempt } from "../http/rate-limit/limiter";
import { logger } from "../observability/logger";
import { identityFromSession, type Identity } from "./identity";
import { identityProviders } from "./identity-providers";
import { judgeProviderSignIn } from "./provider-sign-in";
import { trustedDeviceFor } from "./trusted-device";
import { findSessionToken } from "./session-cookie";
import { getAuthSecret } from "../security/auth-secret";

declare module "next-auth" {
  interface User {
    role?: UserRole;
  }
  interface Session {
    user?: { id: string; email: string; name: string; role: UserRole };
  }
}

/** Reported to the sign-in form as its own message instead of "wrong email or password". */
export class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
}

interface RequestOrigin {
  requestId: string | null;
  clientIp: string;
  userAgent: string | null;
}

function originOf(request: Request | undefined): RequestOrigin {
  return {
    requestId: request?.headers.get("x-request-id") ?? null,
    clientIp: request ? clientIpFrom(request.headers) : "unknown",
    userAgent: request?.headers.get("user-agent") ?? null,
  };
}

/** Password sign-in: only failures count against the limits, so an attacker cannot lock the owner out. */
async function authorize(raw: Partial<Record<string, unknown>>, request: Request) {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) return null;
  const { email } = parsed.data;
  const db = await getDb();
  const limiter = rateLimiterFor(db);
  const origin = originOf(request);
  const device = trustedDeviceFor(request.headers.get("cookie"), email);
  try {
    await spendSignInAttempt(limiter, email, origin.clientIp, device);
  } catch (error) {
    if (!(error instanceof RateLimitExceeded)) throw error;
    await recordSignIn(db, { email, userId: null, outcome: "rate_limited" }, origin);
    throw new RateLimitedSignIn();
  }
  const user = await verifyCredentials(db, parsed.data);
  if (user) await refundSignInAttempt(limiter, email, origin.clientIp, device);
  await recordSignIn(
    db,
    { email, userId: user?.id ?? null, outcome: user ? "signed_in" : "wrong_credentials" },
    origin,
  );
  return user;
}

// Refusals a visitor causes (an unlinked or unverified identity-provider account) are not server errors.
const EXPECTED_REFUSALS = new Set(["AccessDenied", "OAuthAccountNotLinked", "CredentialsSignin"]);

/** Where a refused provider sign-in sends the browser: a page that says why (AccessDenied: Auth.js's own). */
const refusalPages: Partial<Record<SignInFailureReason, string>> = {
  session_ended: "/sign-in?error=SessionEnded",
  account_exists: "/sign-in?error=AccountExists",
  link_not_confirmed: "/account?error=LinkNotConfirmed",
};

/**
 * An identity-provider sign-in, judged before Auth.js signs anyone in or links
 * anything (./provider-sign-in.ts). Every outcome is audited; a brand-new
 * account has no row yet, so its first sign-in is recorded without an actor id.
 */
async function allowProviderSignIn(
  account: { provider: string; providerAccountId: string },
  profile: { email?: unknown; email_verified?: unknown } | undefined,
  request: Request | undefined,
  origin: RequestOrigin,
): Promise<boolean | string> {
  const email = typeof profile?.email === "string" ? profile.email.toLowerCase() : null;
  const db = await getDb();
  const verdict = await judgeProviderSignIn(db, {
    provider: account.provider,
    providerAccountId: account.providerAccountId,
    email,
    emailVerified: profile?.email_verified === true,
    sessionToken: findSessionToken(request?.headers.get("cookie") ?? null),
  });
  const outcome = verdict.allowed ? "signed_in" : verdict.reason;
  await recordSignIn(db, { email, userId: verdict.userId, outcome }, origin);
  if (verdict.allowed) return true;
  return refusalPages[verdict.reason] ?? false;
}

/** The user as the audit log names an actor. */
async function actorOf(db: Db, userId: string): Promise<Actor | null> {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return user ?? null;
}

/** The identity each token's jwt callback found live, for the session callback of the same request. */
const checkedTokens = new WeakMap<object, Identity>();

// A function of the request, read on each auth request rather than at import (build time needs no secret).
async function config(request: Request | undefined): Promise<NextAuthConfig> {
  const origin = originOf(request);
  const db = await getDb();
  return {
    secret: getAuthSecret(),
    // AUTH_URL names the public origin; without it, production must opt in to trusting the Host header.
    trustHost: env.AUTH_TRUST_HOST ?? (Boolean(env.AUTH_URL) || !isProduction),
    session: { strategy: "jwt", maxAge: SESSION_LIFETIME_MS / 1000 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    adapter: DrizzleAdapter(db, { usersTable: users, accountsTable: accounts }),
    logger: {
      // A failed sign-in is an expected outcome, not a server error with a stack trace.
      error(error) {
        if (error instanceof AuthError && EXPECTED_REFUSALS.has(error.type)) {
          logger.info({ type: error.type }, "sign-in refused");
        } else logger.error({ err: error }, "auth error");
      },
      warn(code) {
        logger.warn({ code }, "auth warning");
      },
      debug() {},
    },
    providers: [Credentials({ credentials: { email: {}, password: {} }, authorize }), ...identityProviders()],
    callbacks: {
      async signIn({ account, profile }) {
        if (!account || account.type === "credentials") return true;
        return allowProviderSignIn(account, profile, request, origin);
      },
      // The cookie carries the user id and a server-side session's id; that row decides, on every request.
      // A cookie whose session ended is cleared, never given a new expiry.
      async jwt({ token, user }) {
        if (user?.id) {
          token.sub = user.id;
          token.sid = await startSession(db, { userId: user.id, ...origin });
          return token;
        }
        const identity = typeof token.sid === "string" ? await identityFromSession(db, token.sid) : null;
        if (!identity) return null;
        checkedTokens.set(token, identity);
        return token;
      },
      // What /api/auth/session and useSession() report, read through the session row: a role change shows at once.
      async session({ session, token }) {
        // Auth.js hands on the token the jwt callback just checked: its session row is not read twice.
        const identity =
          checkedTokens.get(token) ?? (typeof token.sid === "string" ? await identityFromSession(db, token.sid) : null);
        if (!identity) return { ...session, user: undefined };
        const { id, email, name, role } = identity;
        return { ...session, user: { ...session.user, id, email, name, role } };
      },
    },
    events: {
      // Accounts are made only for addresses the provider verified (see provider-sign-in.ts).
      async createUser({ user }) {
        if (user.id) await db.update(users).set({ emailVerified: new Date() }).where(eq(users.id, user.id));
      },
      // A link spends the session's password check, and is audited as the account's own act.
      async linkAccount({ user, account }) {
        if (!user.id) return;
        await spendLinkConfirmation(db, user.id);
        const actor = await actorOf(db, user.id);
        if (actor) {
          await recordAudit(
            db,
            { actor, requestId: origin.requestId ?? "none", clientIp: origin.clientIp },
            {
              action: "account.sign_in_linked",
              target: { type: "user", id: user.id },
              summary: { provider: account.provider },
            },
          );
        }
      },
      // Signing out ends the session everywhere: the old cookie is refused from the next request on.
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (typeof sid === "string") await endSession(db, sid);
      },
    },
  };
}

export const { handlers, signIn, signOut } = NextAuth((request) => config(request));
