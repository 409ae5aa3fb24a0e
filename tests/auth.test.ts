import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@/server/db/demo-data";
import { seedDemoData } from "@/server/db/seed";
import { verifyCredentials } from "@/server/domain/users/verify-credentials";
import { rateLimitPolicies } from "@/server/http/rate-limit/policies";
import { createTestDatabase, type TestDatabase } from "./support/database";
import {
  callerFor,
  createCustomer,
  expectTrpcError,
  httpCall,
  uniqueClientIp,
  type HttpErrorBody,
} from "./support/callers";
import { sessionCookieFor } from "./support/sessions";
import { testSecrets } from "./support/test-env";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db);
});

afterAll(() => database.dispose());

const valid = { email: "New.Person@Example.test", password: "long enough pw", name: "New Person" };

describe("auth.signUp", () => {
  it("creates a customer with a normalised email and no password in the answer", async () => {
    const { user } = await callerFor(database.db, null).auth.signUp(valid);
    expect(user).toEqual({
      id: expect.any(String),
      email: "new.person@example.test",
      name: "New Person",
      role: "customer",
    });
    expect(JSON.stringify(user)).not.toContain("argon2");
  });

  it("is CONFLICT for an email that exists, whatever its case", async () => {
    const error = await expectTrpcError(
      callerFor(database.db, null).auth.signUp({ ...valid, email: "NEW.PERSON@example.TEST" }),
      "CONFLICT",
    );
    expect(error.message).toMatch(/already exists/);
  });

  it("rejects a weak password with BAD_REQUEST and a field issue", async () => {
    const response = await httpCall(
      database.db,
      "auth.signUp",
      { ...valid, email: "weak@example.test", password: "short" },
      { method: "POST" },
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as HttpErrorBody;
    expect(body.error.data.code).toBe("BAD_REQUEST");
    expect(body.error.data.issues).toEqual([{ path: "password", message: "Password must be at least 8 characters" }]);
    expect(await verifyCredentials(database.db, { email: "weak@example.test", password: "short" })).toBeNull();
  });

  it.each([
    [{ ...valid, email: "not-an-email" }, "email"],
    [{ ...valid, name: "" }, "name"],
    [{ ...valid, name: "n".repeat(81) }, "name"],
    [{ ...valid, name: "nul\u0000byte" }, "name"],
    [{ ...valid, password: "p".repeat(129) }, "password"],
    [{ email: "x@example.test" }, "password"],
  ])("rejects %j naming %s", async (input, field) => {
    const error = await expectTrpcError(callerFor(database.db, null).auth.signUp(input as typeof valid), "BAD_REQUEST");
    expect(error.message).toBeTruthy();
    const response = await httpCall(database.db, "auth.signUp", input, { method: "POST" });
    const body = (await response.json()) as HttpErrorBody;
    expect(body.error.data.issues?.map((issue) => issue.path)).toContain(field);
  });

  it("is rate limited per client address", async () => {
    const clientIp = uniqueClientIp();
    const caller = callerFor(database.db, null, { clientIp });
    for (let attempt = 0; attempt < rateLimitPolicies.signUp.limit; attempt++) {
      await caller.auth.signUp({ ...valid, email: `limit-${attempt}@example.test` });
    }
    const error = await expectTrpcError(
      caller.auth.signUp({ ...valid, email: "one-too-many@example.test" }),
      "TOO_MANY_REQUESTS",
    );
    expect(error.message).toMatch(/Try again in \d+ seconds?/);
    // Another address is unaffected.
    await callerFor(database.db, null).auth.signUp({ ...valid, email: "other-address@example.test" });
  });
});

describe("credentials", () => {
  it("accepts the right password", async () => {
    const actor = await verifyCredentials(database.db, { email: "shopper@storefront.test", password: DEMO_PASSWORD });
    expect(actor).toMatchObject({ email: "shopper@storefront.test", role: "customer" });
    expect(actor).not.toHaveProperty("passwordHash");
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    expect(
      await verifyCredentials(database.db, { email: "shopper@storefront.test", password: "wrong password" }),
    ).toBeNull();
    expect(
      await verifyCredentials(database.db, { email: "nobody@storefront.test", password: "wrong password" }),
    ).toBeNull();
  });
});

describe("identity", () => {
  const secret = testSecrets.authSecret;

  async function sessionCookie(claims: Record<string, unknown>, name = "authjs.session-token") {
    return `${name}=${await encode({ token: claims, secret, salt: name })}`;
  }

  it("account.me is UNAUTHORIZED without a session", async () => {
    await expectTrpcError(callerFor(database.db, null).account.me(), "UNAUTHORIZED");
  });

  it("reads the user through the session row an Auth.js cookie names", async () => {
    const actor = await verifyCredentials(database.db, { email: "admin@storefront.test", password: DEMO_PASSWORD });
    if (!actor) throw new Error("no admin");
    const { cookie } = await sessionCookieFor(database.db, actor.id);
    const me = await callerFor(database.db, null, { headers: new Headers({ cookie }) }).account.me();
    expect(me).toEqual({
      id: actor.id,
      email: "admin@storefront.test",
      name: "Ada Admin",
      role: "admin",
      hasPassword: true,
      // The demo accounts are not verified: e2e/oidc.spec.ts signs in through a provider with the shopper's address.
      emailVerified: false,
    });
  });

  it("reads the secure-prefixed cookie used over HTTPS", async () => {
    const { id } = await createCustomer(database.db);
    const { cookie } = await sessionCookieFor(database.db, id, { cookieName: "__Secure-authjs.session-token" });
    const me = await callerFor(database.db, null, { headers: new Headers({ cookie }) }).account.me();
    expect(me.id).toBe(id);
  });

  it("ignores someone else's malformed cookie next to a valid session", async () => {
    const { id } = await createCustomer(database.db);
    const { cookie: session } = await sessionCookieFor(database.db, id);
    const headers = new Headers({ cookie: `broken=%zz; ${session}; other=%E0%A4%A` });
    expect((await callerFor(database.db, null, { headers }).account.me()).id).toBe(id);
  });

  it("treats a cookie whose session row does not exist as signed out", async () => {
    const { id } = await createCustomer(database.db);
    const cookie = await sessionCookie({ sub: id, sid: "x".repeat(43) });
    await expectTrpcError(
      callerFor(database.db, null, { headers: new Headers({ cookie }) }).account.me(),
      "UNAUTHORIZED",
    );
  });

  it("treats a cookie from before server-side sessions (no session id) as signed out", async () => {
    const { id } = await createCustomer(database.db);
    const cookie = await sessionCookie({ sub: id, role: "admin" });
    await expectTrpcError(
      callerFor(database.db, null, { headers: new Headers({ cookie }) }).account.me(),
      "UNAUTHORIZED",
    );
  });

  it("reads the role from the database on every request, not from the cookie", async () => {
    const { id } = await createCustomer(database.db);
    const { cookie } = await sessionCookieFor(database.db, id, { claims: { role: "admin" } });
    const me = await callerFor(database.db, null, { headers: new Headers({ cookie }) }).account.me();
    expect(me.role).toBe("customer");
  });

  it("treats an expired session as signed out", async () => {
    const name = "authjs.session-token";
    const token = await encode({
      token: { sub: crypto.randomUUID(), email: "a@b.test", name: "A", role: "customer" },
      secret,
      salt: name,
      maxAge: -60,
    });
    const headers = new Headers({ cookie: `${name}=${token}` });
    await expectTrpcError(callerFor(database.db, null, { headers }).account.me(), "UNAUTHORIZED");
  });

  it("treats a forged, foreign or incomplete session as signed out", async () => {
    const forged = await encode({
      token: { sub: crypto.randomUUID(), email: "x@y.test", name: "X", role: "admin" },
      secret: "another-secret-another-secret-another-secret",
      salt: "authjs.session-token",
    });
    const incomplete = await sessionCookie({ sid: "x".repeat(43) });
    for (const cookie of [`authjs.session-token=${forged}`, incomplete, "authjs.session-token=garbage"]) {
      await expectTrpcError(
        callerFor(database.db, null, { headers: new Headers({ cookie }) }).account.me(),
        "UNAUTHORIZED",
      );
    }
  });
});
