import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, auditLog, emailTokens, users } from "@/server/db/schema";
import { selectRows } from "@/server/db/rows";
import type { Actor } from "@/server/domain/actor";
import { verifyCredentials } from "@/server/domain/users/verify-credentials";
import { rateLimitPolicies } from "@/server/http/rate-limit/policies";
import { jobDataSchemas } from "@/server/queue/job-data";
import type { Mail } from "@/server/queue/mail-kinds";
import { unsealMail } from "@/server/queue/sealed-mail";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { callerFor, createCustomer, expectTrpcError, uniqueClientIp } from "./support/callers";
import { restCall, restErrorBody } from "./support/rest";
import { sessionCookieFor } from "./support/sessions";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(() => database.dispose());

const PASSWORD = "correct horse battery";
const NEW_PASSWORD = "a fresh long password";
const INVALID_LINK = "This link is invalid or has expired. Ask for a new one.";

const anonymous = (clientIp?: string) => callerFor(database.db, null, { clientIp });
const withHeaders = (headers: Record<string, string>) =>
  callerFor(database.db, null, { headers: new Headers(headers) });

/** Every mail queued so far (the job queue's rows), oldest first. */
async function queuedMails(): Promise<{ messageKey: string; mail: Mail }[]> {
  const rows = await selectRows<{ data: unknown }>(
    database.db,
    sql`select data from pgboss.job where name = 'mail.send' order by created_on`,
  );
  return rows.map((row) => {
    const { messageKey, sealed } = jobDataSchemas["mail.send"].parse(row.data);
    return { messageKey, mail: unsealMail(sealed) };
  });
}

async function mailsTo(address: string, kind: Mail["kind"]) {
  return (await queuedMails()).filter((queued) => queued.mail.to === address && queued.mail.kind === kind);
}

/** The token of the newest link of this kind mailed to `address`. */
async function linkToken(address: string, kind: "password-reset" | "verify-email"): Promise<string> {
  const mail = (await mailsTo(address, kind)).at(-1)?.mail;
  if (!mail || !("url" in mail)) throw new Error(`no ${kind} mail to ${address}`);
  const token = new URL(mail.url).searchParams.get("token");
  if (!token) throw new Error("the link has no token");
  return token;
}

async function auditActions(userId: string): Promise<string[]> {
  const rows = await database.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.actorId, userId))
    .orderBy(auditLog.id);
  return rows.map((row) => row.action);
}

async function expireTokensOf(userId: string): Promise<void> {
  await database.db
    .update(emailTokens)
    .set({ expiresAt: new Date(Date.now() - 1000) })
    .where(eq(emailTokens.userId, userId));
}

async function requestReset(email: string): Promise<string> {
  await anonymous().auth.requestPasswordReset({ email });
  return linkToken(email.toLowerCase(), "password-reset");
}

describe("auth.requestPasswordReset", () => {
  it("answers the same for an unknown and a known address, and mails only the known one", async () => {
    const known = await createCustomer(database.db);
    const unknown = `nobody-${randomUUID()}@example.test`;
    const forUnknown = await anonymous().auth.requestPasswordReset({ email: unknown });
    const forKnown = await anonymous().auth.requestPasswordReset({ email: known.email.toUpperCase() });
    expect(forKnown).toEqual(forUnknown);
    expect(forKnown).toEqual({ ok: true });
    expect(await mailsTo(unknown, "password-reset")).toEqual([]);
    const [queued, ...more] = await mailsTo(known.email, "password-reset");
    expect(more).toEqual([]);
    expect(queued?.mail).toMatchObject({ name: known.name, validMinutes: 30 });
    const url = new URL(queued?.mail.kind === "password-reset" ? queued.mail.url : "http://x");
    expect(url.pathname).toBe("/reset-password");
    expect(queued?.messageKey).toMatch(/^password-reset:[0-9a-f-]{36}$/);
    expect(await auditActions(known.id)).toContain("auth.password_reset_requested");
    const unknownRows = await database.db.select().from(auditLog).where(eq(auditLog.actorEmail, unknown));
    expect(unknownRows).toEqual([]);
  });

  it("keeps only the hash, for 30 minutes, and a newer request ends the older link", async () => {
    const user = await createCustomer(database.db);
    const first = await requestReset(user.email);
    const second = await requestReset(user.email);
    expect(second).not.toBe(first);
    const rows = await database.db.select().from(emailTokens).where(eq(emailTokens.userId, user.id));
    expect(JSON.stringify(rows)).not.toContain(first);
    const live = rows.filter((row) => row.purpose === "password_reset" && row.usedAt === null);
    expect(live).toHaveLength(1);
    const minutes = ((live[0]?.expiresAt.getTime() ?? 0) - (live[0]?.createdAt.getTime() ?? 0)) / 60_000;
    expect(minutes).toBeCloseTo(30, 3);
    const error = await expectTrpcError(
      anonymous().auth.resetPassword({ token: first, password: NEW_PASSWORD }),
      "BAD_REQUEST",
    );
    expect(error.message).toBe(INVALID_LINK);
    expect(await anonymous().auth.resetPassword({ token: second, password: NEW_PASSWORD })).toEqual({ ok: true });
  });

  it("mails nothing for a disabled account, with the same answer", async () => {
    const user = await createCustomer(database.db);
    await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect(await anonymous().auth.requestPasswordReset({ email: user.email })).toEqual({ ok: true });
    expect(await mailsTo(user.email, "password-reset")).toEqual([]);
  });

  it("is limited per email, from any number of addresses, whether or not the account exists", async () => {
    for (const email of [(await createCustomer(database.db)).email, `ghost-${randomUUID()}@example.test`]) {
      for (let request = 0; request < rateLimitPolicies.passwordResetPerEmail.limit; request++) {
        await anonymous().auth.requestPasswordReset({ email });
      }
      const refused = await expectTrpcError(anonymous().auth.requestPasswordReset({ email }), "TOO_MANY_REQUESTS");
      expect(refused.message).toMatch(/Try again in \d+ seconds?/);
    }
  });

  it("is limited per client address, across emails", async () => {
    const clientIp = uniqueClientIp();
    for (let request = 0; request < rateLimitPolicies.passwordResetPerAddress.limit; request++) {
      await anonymous(clientIp).auth.requestPasswordReset({ email: `spray-${randomUUID()}@example.test` });
    }
    await expectTrpcError(
      anonymous(clientIp).auth.requestPasswordReset({ email: `spray-${randomUUID()}@example.test` }),
      "TOO_MANY_REQUESTS",
    );
    // Confirming a reset draws on the same per-address budget.
    await expectTrpcError(
      anonymous(clientIp).auth.resetPassword({ token: "x".repeat(43), password: NEW_PASSWORD }),
      "TOO_MANY_REQUESTS",
    );
  });
});

describe("auth.resetPassword", () => {
  it("sets the password, ends every session and API token, and the link works once", async () => {
    const user = await createCustomer(database.db);
    const { cookie } = await sessionCookieFor(database.db, user.id);
    const { token: apiToken } = await callerFor(database.db, user).account.tokens.create({
      name: "before the reset",
      scopes: ["read"],
      expiresInDays: 1,
    });
    expect((await withHeaders({ cookie }).account.me()).id).toBe(user.id);
    expect((await withHeaders({ authorization: `Bearer ${apiToken}` }).account.me()).id).toBe(user.id);

    const token = await requestReset(user.email);
    expect(await anonymous().auth.resetPassword({ token, password: NEW_PASSWORD })).toEqual({ ok: true });

    await expectTrpcError(withHeaders({ cookie }).account.me(), "UNAUTHORIZED");
    await expectTrpcError(withHeaders({ authorization: `Bearer ${apiToken}` }).account.me(), "UNAUTHORIZED");
    expect(await verifyCredentials(database.db, { email: user.email, password: PASSWORD })).toBeNull();
    expect(await verifyCredentials(database.db, { email: user.email, password: NEW_PASSWORD })).toMatchObject({
      id: user.id,
    });
    // Following the link proved the address.
    expect((await callerFor(database.db, user).account.me()).emailVerified).toBe(true);
    const [notice] = await mailsTo(user.email, "password-changed");
    expect(notice?.mail).toMatchObject({ name: user.name });
    expect(notice?.messageKey).toMatch(/^password-changed:/);
    expect(await auditActions(user.id)).toContain("account.password_reset");

    const again = await expectTrpcError(
      anonymous().auth.resetPassword({ token, password: "yet another password" }),
      "BAD_REQUEST",
    );
    expect(again.message).toBe(INVALID_LINK);
    expect(await verifyCredentials(database.db, { email: user.email, password: NEW_PASSWORD })).not.toBeNull();
  });

  it("refuses an expired or unknown link, changing nothing", async () => {
    const user = await createCustomer(database.db);
    const token = await requestReset(user.email);
    await expireTokensOf(user.id);
    for (const candidate of [token, "A".repeat(43), "short"]) {
      const error = await expectTrpcError(
        anonymous().auth.resetPassword({ token: candidate, password: NEW_PASSWORD }),
        "BAD_REQUEST",
      );
      expect(error.message).toBe(INVALID_LINK);
    }
    expect(await verifyCredentials(database.db, { email: user.email, password: PASSWORD })).not.toBeNull();
  });

  it("checks the new password like sign-up, without using the link up", async () => {
    const user = await createCustomer(database.db);
    const token = await requestReset(user.email);
    await expectTrpcError(anonymous().auth.resetPassword({ token, password: "short" }), "BAD_REQUEST");
    const common = await expectTrpcError(
      anonymous().auth.resetPassword({ token, password: "password123" }),
      "BAD_REQUEST",
    );
    expect(common.message).toMatch(/^Invalid input\. password:/);
    expect(await anonymous().auth.resetPassword({ token, password: NEW_PASSWORD })).toEqual({ ok: true });
  });

  it("lets only one of two simultaneous uses of a link succeed", async () => {
    const user = await createCustomer(database.db);
    const token = await requestReset(user.email);
    const outcomes = await Promise.allSettled([
      anonymous().auth.resetPassword({ token, password: "first racing password" }),
      anonymous().auth.resetPassword({ token, password: "second racing password" }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
  });

  it("gives an account made through a provider (no password) a password, and removes linked providers", async () => {
    const email = `provider-${randomUUID()}@example.test`;
    const [created] = await database.db
      .insert(users)
      .values({ email, name: "Provider Person", emailVerified: new Date() })
      .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
    if (!created) throw new Error("no user");
    await database.db
      .insert(accounts)
      .values({ userId: created.id, type: "oauth", provider: "github", providerAccountId: randomUUID() });
    const token = await requestReset(email);
    await anonymous().auth.resetPassword({ token, password: NEW_PASSWORD });
    expect((await callerFor(database.db, created).account.me()).hasPassword).toBe(true);
    expect(await database.db.select().from(accounts).where(eq(accounts.userId, created.id))).toEqual([]);
  });

  it("has REST twins under /auth/password-reset", async () => {
    const user = await createCustomer(database.db);
    const asked = await restCall(database.db, "POST", "/auth/password-reset", { body: { email: user.email } });
    expect(asked.status).toBe(200);
    expect(asked.json).toEqual({ ok: true });
    const bad = await restCall(database.db, "POST", "/auth/password-reset/confirm", {
      body: { token: "A".repeat(43), password: NEW_PASSWORD },
    });
    expect(bad.status).toBe(400);
    expect(restErrorBody(bad.json)).toMatchObject({ code: "BAD_REQUEST", message: INVALID_LINK });
    const token = await linkToken(user.email, "password-reset");
    const done = await restCall(database.db, "POST", "/auth/password-reset/confirm", {
      body: { token, password: NEW_PASSWORD },
    });
    expect(done.status).toBe(200);
    expect(done.json).toEqual({ ok: true });
  });
});

describe("verifying an address", () => {
  async function signUp(): Promise<Actor> {
    const { user } = await anonymous().auth.signUp({
      email: `Verify-${randomUUID()}@Example.test`,
      password: PASSWORD,
      name: "Vera Verify",
    });
    return user;
  }

  it("sign-up mails a link valid for 24 hours; following it verifies the address, once", async () => {
    const user = await signUp();
    expect((await callerFor(database.db, user).account.me()).emailVerified).toBe(false);
    const [queued] = await mailsTo(user.email, "verify-email");
    expect(queued?.messageKey).toMatch(/^verify-email:[0-9a-f-]{36}$/);
    const [row] = await database.db.select().from(emailTokens).where(eq(emailTokens.userId, user.id));
    expect(((row?.expiresAt.getTime() ?? 0) - (row?.createdAt.getTime() ?? 0)) / 3_600_000).toBeCloseTo(24, 3);

    const token = await linkToken(user.email, "verify-email");
    expect(await anonymous().auth.verifyEmail({ token })).toEqual({ email: user.email, verified: true });
    expect((await callerFor(database.db, user).account.me()).emailVerified).toBe(true);
    const again = await expectTrpcError(anonymous().auth.verifyEmail({ token }), "BAD_REQUEST");
    expect(again.message).toBe(INVALID_LINK);
    await expectTrpcError(callerFor(database.db, user).account.resendVerification(), "CONFLICT");
    expect(await auditActions(user.id)).toContain("account.email_verified");
  });

  it("refuses an expired link", async () => {
    const user = await signUp();
    const token = await linkToken(user.email, "verify-email");
    await expireTokensOf(user.id);
    await expectTrpcError(anonymous().auth.verifyEmail({ token }), "BAD_REQUEST");
    expect((await callerFor(database.db, user).account.me()).emailVerified).toBe(false);
  });

  it("resendVerification mails a new link and ends the earlier one", async () => {
    const user = await signUp();
    const first = await linkToken(user.email, "verify-email");
    expect(await callerFor(database.db, user).account.resendVerification()).toEqual({ sentTo: user.email });
    const second = await linkToken(user.email, "verify-email");
    expect(second).not.toBe(first);
    await expectTrpcError(anonymous().auth.verifyEmail({ token: first }), "BAD_REQUEST");
    expect(await anonymous().auth.verifyEmail({ token: second })).toMatchObject({ verified: true });
  });

  it("resendVerification is limited per account", async () => {
    const user = await signUp();
    for (let request = 0; request < rateLimitPolicies.verificationMailPerAccount.limit; request++) {
      await callerFor(database.db, user).account.resendVerification();
    }
    await expectTrpcError(callerFor(database.db, user).account.resendVerification(), "TOO_MANY_REQUESTS");
  });

  it("has a REST twin: POST /auth/verify-email", async () => {
    const user = await signUp();
    const bad = await restCall(database.db, "POST", "/auth/verify-email", { body: { token: "A".repeat(43) } });
    expect(bad.status).toBe(400);
    const token = await linkToken(user.email, "verify-email");
    const done = await restCall(database.db, "POST", "/auth/verify-email", { body: { token } });
    expect(done.status).toBe(200);
    expect(done.json).toEqual({ email: user.email, verified: true });
  });
});

describe("account.changeEmail", () => {
  it("keeps the old address until the new one's link is followed, then swaps and tells the old one", async () => {
    const user = await createCustomer(database.db);
    const newEmail = `moved-${randomUUID()}@example.test`;
    const answer = await callerFor(database.db, user).account.changeEmail({
      email: newEmail.toUpperCase(),
      currentPassword: PASSWORD,
    });
    expect(answer).toEqual({ pendingEmail: newEmail });
    expect((await callerFor(database.db, user).account.me()).email).toBe(user.email);

    const token = await linkToken(newEmail, "verify-email");
    expect(await anonymous().auth.verifyEmail({ token })).toEqual({ email: newEmail, verified: true });
    const [row] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.email).toBe(newEmail);
    expect(row?.emailVerified).toBeInstanceOf(Date);
    const [notice] = await mailsTo(user.email, "email-changed");
    expect(notice?.mail).toMatchObject({ newEmail });
    expect(notice?.messageKey).toMatch(/^email-changed:/);
    expect(await verifyCredentials(database.db, { email: newEmail, password: PASSWORD })).toMatchObject({
      id: user.id,
    });
    expect(await auditActions(user.id)).toEqual(
      expect.arrayContaining(["account.email_change_requested", "account.email_changed"]),
    );
  });

  it("checks the password, and refuses the current address or one that is taken", async () => {
    const user = await createCustomer(database.db);
    const other = await createCustomer(database.db);
    const caller = callerFor(database.db, user);
    const wrong = await expectTrpcError(
      caller.account.changeEmail({ email: `x-${randomUUID()}@example.test`, currentPassword: "not it" }),
      "BAD_REQUEST",
    );
    expect(wrong.message).toMatch(/currentPassword/);
    await expectTrpcError(caller.account.changeEmail({ email: user.email, currentPassword: PASSWORD }), "CONFLICT");
    await expectTrpcError(caller.account.changeEmail({ email: other.email, currentPassword: PASSWORD }), "CONFLICT");
    expect(await mailsTo(other.email, "verify-email")).toHaveLength(1);
  });

  it("is CONFLICT when the new address was taken meanwhile, and the account keeps its address", async () => {
    const user = await createCustomer(database.db);
    const newEmail = `contested-${randomUUID()}@example.test`;
    await callerFor(database.db, user).account.changeEmail({ email: newEmail, currentPassword: PASSWORD });
    const token = await linkToken(newEmail, "verify-email");
    await createCustomer(database.db, { email: newEmail });
    const error = await expectTrpcError(anonymous().auth.verifyEmail({ token }), "CONFLICT");
    expect(error.message).toBe("That address now belongs to another account.");
    const [row] = await database.db.select({ email: users.email }).from(users).where(eq(users.id, user.id));
    expect(row?.email).toBe(user.email);
  });

  it("only the newest pending change can complete, and older links die with the move", async () => {
    const user = await signUpCustomer();
    const signUpLink = await linkToken(user.email, "verify-email");
    const resetLink = await requestReset(user.email);
    const [first, second] = [`first-${randomUUID()}@example.test`, `second-${randomUUID()}@example.test`];
    await callerFor(database.db, user).account.changeEmail({ email: first, currentPassword: PASSWORD });
    await callerFor(database.db, user).account.changeEmail({ email: second, currentPassword: PASSWORD });
    await expectTrpcError(
      anonymous().auth.verifyEmail({ token: await linkToken(first, "verify-email") }),
      "BAD_REQUEST",
    );
    await anonymous().auth.verifyEmail({ token: await linkToken(second, "verify-email") });
    // The sign-up link would move the account back, the reset link went to the old address: both are dead.
    await expectTrpcError(anonymous().auth.verifyEmail({ token: signUpLink }), "BAD_REQUEST");
    await expectTrpcError(anonymous().auth.resetPassword({ token: resetLink, password: NEW_PASSWORD }), "BAD_REQUEST");
    const [row] = await database.db.select({ email: users.email }).from(users).where(eq(users.id, user.id));
    expect(row?.email).toBe(second);
  });

  async function signUpCustomer(): Promise<Actor> {
    const { user } = await anonymous().auth.signUp({
      email: `mover-${randomUUID()}@example.test`,
      password: PASSWORD,
      name: "Mo Mover",
    });
    return user;
  }
});

describe("account.changePassword", () => {
  it("mails the owner that the password changed", async () => {
    const user = await createCustomer(database.db);
    await callerFor(database.db, user).account.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    const [notice] = await mailsTo(user.email, "password-changed");
    expect(notice?.messageKey).toMatch(new RegExp(`^password-changed:${user.id}:\\d+$`));
    expect(notice?.mail.kind === "password-changed" && new URL(notice.mail.resetUrl).pathname).toBe("/forgot-password");
  });
});

describe("taking an account back", () => {
  it.each(["a password reset", "a password change"])("%s ends a pending move to another address", async (takeBack) => {
    const user = await createCustomer(database.db);
    const intruder = `intruder-${randomUUID()}@example.test`;
    // Someone who knew the password asked to move the account to their own address.
    await callerFor(database.db, user).account.changeEmail({ email: intruder, currentPassword: PASSWORD });
    const intruderLink = await linkToken(intruder, "verify-email");
    if (takeBack === "a password reset") {
      await anonymous().auth.resetPassword({ token: await requestReset(user.email), password: NEW_PASSWORD });
    } else {
      await callerFor(database.db, user).account.changePassword({
        currentPassword: PASSWORD,
        newPassword: NEW_PASSWORD,
      });
    }
    const refused = await expectTrpcError(anonymous().auth.verifyEmail({ token: intruderLink }), "BAD_REQUEST");
    expect(refused.message).toBe(INVALID_LINK);
    const [row] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.email).toBe(user.email);
  });

  it("keeps links and addresses out of the job tables: a mail job is sealed", async () => {
    const user = await createCustomer(database.db);
    const token = await requestReset(user.email);
    const [stored] = await selectRows<{ data: string }>(
      database.db,
      sql`select data::text as data from pgboss.job where name = 'mail.send' and data::text like '%password-reset%'
          order by created_on desc limit 1`,
    );
    expect(stored?.data).toBeTruthy();
    expect(stored?.data).not.toContain(token);
    expect(stored?.data).not.toContain(user.email);
  });
});
