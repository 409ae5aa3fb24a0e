import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judgeProviderSignIn, type ProviderSignInAttempt } from "@/server/auth/provider-sign-in";
import { findSessionToken } from "@/server/auth/session-cookie";
import { accounts, users } from "@/server/db/schema";
import { endSession } from "@/server/domain/sessions/sessions";
import { callerFor, createCustomer, expectTrpcError } from "./support/callers";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { sessionCookieFor } from "./support/sessions";

// Who an identity-provider sign-in may become, decided before Auth.js signs anyone in or links anything.
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(() => database.dispose());

const PASSWORD = "correct horse battery";

function attempt(overrides: Partial<ProviderSignInAttempt> = {}): ProviderSignInAttempt {
  return {
    provider: "oidc",
    providerAccountId: randomUUID(),
    email: `${randomUUID()}@example.test`,
    emailVerified: true,
    sessionToken: null,
    ...overrides,
  };
}

const tokenOf = (cookie: string) => findSessionToken(cookie);

async function link(userId: string, provider: string, providerAccountId: string) {
  await database.db.insert(accounts).values({ userId, type: "oidc", provider, providerAccountId });
}

describe("provider sign-in while a session cookie is present", () => {
  it("is refused when the cookie's session has ended, whoever the provider says this is", async () => {
    const victim = await createCustomer(database.db);
    const { cookie, sessionId } = await sessionCookieFor(database.db, victim.id);
    await endSession(database.db, sessionId);
    const verdict = await judgeProviderSignIn(database.db, attempt({ sessionToken: tokenOf(cookie) }));
    expect(verdict).toEqual({ allowed: false, reason: "session_ended", userId: null });
  });

  it("is refused when the cookie names no session at all (a token from before server-side sessions)", async () => {
    const victim = await createCustomer(database.db);
    const { cookie } = await sessionCookieFor(database.db, victim.id, { claims: { sid: undefined } });
    const verdict = await judgeProviderSignIn(database.db, attempt({ sessionToken: tokenOf(cookie) }));
    expect(verdict).toMatchObject({ allowed: false, reason: "session_ended" });
  });

  it("links a new provider account to a live session only after a recent password check", async () => {
    const owner = await createCustomer(database.db);
    const { cookie, sessionId } = await sessionCookieFor(database.db, owner.id);
    const offered = attempt({ sessionToken: tokenOf(cookie) });
    expect(await judgeProviderSignIn(database.db, offered)).toEqual({
      allowed: false,
      reason: "link_not_confirmed",
      userId: owner.id,
    });

    const asOwner = callerFor(database.db, null, { headers: new Headers({ cookie }) });
    await expectTrpcError(asOwner.account.signInMethods.confirmLink({ currentPassword: "not it" }), "BAD_REQUEST");
    expect((await judgeProviderSignIn(database.db, offered)).allowed).toBe(false);
    await asOwner.account.signInMethods.confirmLink({ currentPassword: PASSWORD });
    expect(await judgeProviderSignIn(database.db, offered)).toEqual({ allowed: true, userId: owner.id });

    // Another session of the same account is not confirmed by this one's check.
    const other = await sessionCookieFor(database.db, owner.id);
    expect((await judgeProviderSignIn(database.db, { ...offered, sessionToken: tokenOf(other.cookie) })).allowed).toBe(
      false,
    );
    expect(sessionId).not.toBe(other.sessionId);
  });

  it("signs in as usual with a provider account already linked to the session's user", async () => {
    const owner = await createCustomer(database.db);
    const { cookie } = await sessionCookieFor(database.db, owner.id);
    const offered = attempt({ sessionToken: tokenOf(cookie) });
    await link(owner.id, offered.provider, offered.providerAccountId);
    expect(await judgeProviderSignIn(database.db, offered)).toEqual({ allowed: true, userId: owner.id });
  });
});

describe("provider sign-in with no session", () => {
  it("never takes an address the provider has not verified", async () => {
    expect(await judgeProviderSignIn(database.db, attempt({ emailVerified: false }))).toMatchObject({
      allowed: false,
      reason: "unverified_email",
    });
  });

  it("makes a new account for a new address", async () => {
    expect(await judgeProviderSignIn(database.db, attempt())).toEqual({ allowed: true, userId: null });
  });

  it("refuses to join an account whose address was never verified (a squatter's sign-up)", async () => {
    const squatted = await createCustomer(database.db);
    expect(await judgeProviderSignIn(database.db, attempt({ email: squatted.email }))).toEqual({
      allowed: false,
      reason: "account_exists",
      userId: squatted.id,
    });
  });

  it("joins an account whose address is verified, but never a disabled one", async () => {
    const verified = await createCustomer(database.db);
    await database.db.update(users).set({ emailVerified: new Date() }).where(eq(users.id, verified.id));
    expect(await judgeProviderSignIn(database.db, attempt({ email: verified.email }))).toEqual({
      allowed: true,
      userId: verified.id,
    });
    await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, verified.id));
    expect(await judgeProviderSignIn(database.db, attempt({ email: verified.email }))).toMatchObject({
      allowed: false,
      reason: "account_disabled",
    });
  });
});

describe("linked sign-in methods", () => {
  it("are listed, removable, and a password change drops them unless asked to keep them", async () => {
    const owner = await createCustomer(database.db);
    const caller = callerFor(database.db, owner);
    await link(owner.id, "oidc", randomUUID());
    await link(owner.id, "github", randomUUID());
    expect(await caller.account.signInMethods.list()).toMatchObject({
      hasPassword: true,
      providers: [{ provider: "github", name: "GitHub" }, { provider: "oidc" }],
    });
    expect(await caller.account.signInMethods.unlink({ provider: "github" })).toEqual({ removed: true });
    expect(await caller.account.signInMethods.unlink({ provider: "github" })).toEqual({ removed: false });

    const kept = await caller.account.changePassword({
      currentPassword: PASSWORD,
      newPassword: "a second long password",
      keepSignInMethods: true,
    });
    expect(kept.signInMethodsRemoved).toEqual([]);
    const dropped = await caller.account.changePassword({
      currentPassword: "a second long password",
      newPassword: "a third long password",
    });
    expect(dropped.signInMethodsRemoved).toEqual(["oidc"]);
    expect((await caller.account.signInMethods.list()).providers).toEqual([]);
  });

  it("never removes the last way in of an account without a password", async () => {
    const owner = await createCustomer(database.db);
    await database.db.update(users).set({ passwordHash: null }).where(eq(users.id, owner.id));
    await link(owner.id, "oidc", randomUUID());
    await expectTrpcError(callerFor(database.db, owner).account.signInMethods.unlink({ provider: "oidc" }), "CONFLICT");
  });
});
