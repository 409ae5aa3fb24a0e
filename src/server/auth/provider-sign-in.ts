import { and, eq } from "drizzle-orm";
import type { SignInFailureReason } from "@/lib/audit-actions";
import { accounts, users } from "../db/schema";
import type { Db } from "../db/types";
import { linkingConfirmed } from "../domain/sign-in-methods/link-confirmation";
import { liveSessionOf } from "../domain/sessions/live-session";
import { sessionIdFromToken } from "./session-cookie";

export interface ProviderSignInAttempt {
  provider: string;
  providerAccountId: string;
  /** The address the provider reports, lower-cased, or null. */
  email: string | null;
  /** Whether the provider says it verified that address. */
  emailVerified: boolean;
  /** The session cookie the browser sent along, if any. */
  sessionToken: { name: string; token: string } | null;
}

export type ProviderSignInVerdict =
  { allowed: true; userId: string | null } | { allowed: false; reason: SignInFailureReason; userId: string | null };

/**
 * Whether an identity-provider sign-in may go on, decided before Auth.js
 * signs anyone in or links anything:
 * - a cookie that names a session which is not live (signed out, ended by a
 *   password change, stolen) is refused outright: Auth.js would otherwise
 *   link the provider to the cookie's user;
 * - in a live session, a provider account not yet linked to its user is
 *   linked only after a recent password check on the account page;
 * - signed out, an unlinked provider account links by email only to an
 *   account whose address is verified: otherwise whoever registered the
 *   address first (a squatter) would share the account with its owner;
 * - never an address the provider has not verified, never a disabled account.
 */
export async function judgeProviderSignIn(db: Db, attempt: ProviderSignInAttempt): Promise<ProviderSignInVerdict> {
  if (!attempt.email || !attempt.emailVerified) return { allowed: false, reason: "unverified_email", userId: null };

  const [linked] = await db
    .select({ userId: accounts.userId, disabledAt: users.disabledAt })
    .from(accounts)
    .innerJoin(users, eq(users.id, accounts.userId))
    .where(and(eq(accounts.provider, attempt.provider), eq(accounts.providerAccountId, attempt.providerAccountId)))
    .limit(1);

  if (attempt.sessionToken) {
    const sessionId = await sessionIdFromToken(attempt.sessionToken);
    const session = sessionId ? await liveSessionOf(db, sessionId) : null;
    if (!session) return { allowed: false, reason: "session_ended", userId: null };
    if (linked) {
      // Already this user's: an ordinary sign-in. Someone else's: Auth.js would refuse it too.
      return linked.userId === session.userId
        ? { allowed: true, userId: session.userId }
        : { allowed: false, reason: "account_exists", userId: session.userId };
    }
    if (!linkingConfirmed(session)) return { allowed: false, reason: "link_not_confirmed", userId: session.userId };
    return { allowed: true, userId: session.userId };
  }

  if (linked) {
    return linked.disabledAt
      ? { allowed: false, reason: "account_disabled", userId: linked.userId }
      : { allowed: true, userId: linked.userId };
  }
  const [existing] = await db
    .select({ id: users.id, disabledAt: users.disabledAt, emailVerified: users.emailVerified })
    .from(users)
    .where(eq(users.email, attempt.email))
    .limit(1);
  if (!existing) return { allowed: true, userId: null };
  if (existing.disabledAt) return { allowed: false, reason: "account_disabled", userId: existing.id };
  if (!existing.emailVerified) return { allowed: false, reason: "account_exists", userId: existing.id };
  return { allowed: true, userId: existing.id };
}
