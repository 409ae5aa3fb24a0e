import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens } from "@/server/db/schema";
import { seedDemoData } from "@/server/db/seed";
import { DEMO_PASSWORD } from "@/server/db/demo-data";
import type { Actor } from "@/server/domain/actor";
import { rateLimitPolicies } from "@/server/http/rate-limit/policies";
import { hashApiToken } from "@/server/security/api-token";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { callerFor, createCustomer, expectTrpcError, httpCall, type HttpErrorBody } from "./support/callers";
import { restCall, restErrorBody } from "./support/rest";
import { buyAs } from "./support/purchases";
import { insertProduct } from "./support/shop-fixtures";
import { Received, waitForSubscribers } from "./support/subscription";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db);
});

afterAll(() => database.dispose());

async function tokenFor(actor: Actor, scopes: ("read" | "orders" | "admin")[] = ["read", "orders"]) {
  return callerFor(database.db, actor).account.tokens.create({ name: "test token", scopes, expiresInDays: 30 });
}

function bearer(token: string) {
  return new Headers({ authorization: `Bearer ${token}` });
}

describe("API tokens", () => {
  it("auth.token exchanges credentials for a token that works on REST and on tRPC", async () => {
    const issued = await restCall(database.db, "POST", "/auth/token", {
      body: { email: "shopper@storefront.test", password: DEMO_PASSWORD, name: "CLI" },
    });
    expect(issued.status).toBe(200);
    const { token, summary } = issued.json as { token: string; summary: { scopes: string[]; name: string } };
    expect(token).toMatch(/^sf_/);
    expect(summary).toMatchObject({ name: "CLI", scopes: ["read", "orders"] });

    const viaRest = await restCall(database.db, "GET", "/account", { token });
    expect(viaRest.json).toMatchObject({ email: "shopper@storefront.test" });
    const viaTrpc = await callerFor(database.db, null, { headers: bearer(token) }).account.me();
    expect(viaTrpc.email).toBe("shopper@storefront.test");
  });

  it("auth.token refuses wrong credentials with 401 and the contract's error shape", async () => {
    const response = await restCall(database.db, "POST", "/auth/token", {
      body: { email: "shopper@storefront.test", password: "not the password" },
    });
    expect(response.status).toBe(401);
    expect(restErrorBody(response.json)).toEqual({ code: "UNAUTHORIZED", message: "Wrong email or password." });
  });

  it("keeps only a hash: the token itself is nowhere in the database", async () => {
    const owner = await createCustomer(database.db);
    const { token, summary } = await tokenFor(owner);
    const [row] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, summary.id));
    expect(row?.tokenHash).toBe(hashApiToken(token));
    const dump = await database.db.execute(sql`select * from api_tokens`);
    expect(JSON.stringify(dump)).not.toContain(token);
    expect(JSON.stringify(await callerFor(database.db, owner).account.tokens.list())).not.toContain(token);
  });

  it("stops working on the next request once revoked", async () => {
    const owner = await createCustomer(database.db);
    const { token, summary } = await tokenFor(owner);
    expect((await restCall(database.db, "GET", "/cart", { token })).status).toBe(200);
    const revoked = await callerFor(database.db, owner).account.tokens.revoke({ id: summary.id });
    expect(revoked.revokedAt).not.toBeNull();
    const afterRest = await restCall(database.db, "GET", "/cart", { token });
    expect(afterRest.status).toBe(401);
    await expectTrpcError(callerFor(database.db, null, { headers: bearer(token) }).cart.get(), "UNAUTHORIZED");
  });

  it("is refused once expired", async () => {
    const owner = await createCustomer(database.db);
    const { token, summary } = await tokenFor(owner);
    await database.db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, summary.id));
    expect((await restCall(database.db, "GET", "/orders", { token })).status).toBe(401);
  });

  it("cannot read another customer's order: 404, as if it did not exist", async () => {
    const [alice, bob] = [await createCustomer(database.db), await createCustomer(database.db)];
    const product = await insertProduct(database.db, { stock: 5 });
    const order = await buyAs(database.db, bob, product.id);
    const { token } = await tokenFor(alice);
    const response = await restCall(database.db, "GET", `/orders/${order.id}`, { token });
    expect(response.status).toBe(404);
    expect(restErrorBody(response.json).code).toBe("NOT_FOUND");
  });

  it("enforces scopes: a read-only token cannot change the cart (403) but can read it", async () => {
    const owner = await createCustomer(database.db);
    const product = await insertProduct(database.db, { stock: 5 });
    const { token } = await tokenFor(owner, ["read"]);
    expect((await restCall(database.db, "GET", "/cart", { token })).status).toBe(200);
    const write = await restCall(database.db, "PUT", `/cart/items/${product.id}`, { token, body: { quantity: 1 } });
    expect(write.status).toBe(403);
    expect(restErrorBody(write.json).message).toMatch(/orders/);
    await expectTrpcError(
      callerFor(database.db, null, { headers: bearer(token) }).cart.setItem({ productId: product.id, quantity: 1 }),
      "FORBIDDEN",
    );
  });

  it("cannot manage tokens: that needs a signed-in session", async () => {
    const owner = await createCustomer(database.db);
    const { token } = await tokenFor(owner, ["read", "orders"]);
    await expectTrpcError(callerFor(database.db, null, { headers: bearer(token) }).account.tokens.list(), "FORBIDDEN");
  });

  it("gives the admin scope to administrators only", async () => {
    const customer = await createCustomer(database.db);
    await expectTrpcError(tokenFor(customer, ["admin"]), "FORBIDDEN");
  });

  it("lets a customer revoke only their own tokens", async () => {
    const [alice, bob] = [await createCustomer(database.db), await createCustomer(database.db)];
    const { summary } = await tokenFor(alice);
    await expectTrpcError(callerFor(database.db, bob).account.tokens.revoke({ id: summary.id }), "NOT_FOUND");
  });

  it("treats a malformed or unknown bearer token as no identity, never falling back to the cookie", async () => {
    for (const authorization of ["Bearer nonsense", "Bearer sf_" + "A".repeat(43), "Bearer", "Basic abc"]) {
      const response = await httpCall(database.db, "account.me", undefined, { headers: { authorization } });
      expect(response.status, authorization).toBe(401);
      expect(((await response.json()) as HttpErrorBody).error.data.code).toBe("UNAUTHORIZED");
    }
  });

  it("is rate limited with 429 and Retry-After on REST, sharing sign-in's budget", async () => {
    const email = `limited-${crypto.randomUUID()}@example.test`;
    const attempt = () =>
      restCall(database.db, "POST", "/auth/token", {
        body: { email, password: "wrong password" },
        clientIp: "198.51.100.77",
      });
    let last = await attempt();
    for (let count = 1; count <= rateLimitPolicies.signInFailuresPerAccountAndAddress.limit; count++)
      last = await attempt();
    expect(last.status).toBe(429);
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(restErrorBody(last.json).details).toMatchObject({ retryAfterSeconds: expect.any(Number) });
  });

  it("identifies a live.orders subscriber by its bearer token", async () => {
    const owner = await createCustomer(database.db);
    const { token } = await tokenFor(owner, ["read"]);
    const product = await insertProduct(database.db, { stock: 3 });
    const bus = await database.getEventBus();
    const before = bus.subscriberCount();
    const controller = new AbortController();
    const received = new Received(
      callerFor(database.db, null, { headers: bearer(token), signal: controller.signal }).live.orders({}),
    );
    await waitForSubscribers(bus, before + 1);
    // Placing the order says nothing to the stream yet; the provider's confirmation does.
    const order = await buyAs(database.db, owner, product.id);
    const [event] = await received.waitFor(1);
    expect(event?.data).toEqual({ kind: "order", orderId: order.id, status: "paid" });
    controller.abort();
  });

  it("records when a token was last used, without a write on every request", async () => {
    const owner = await createCustomer(database.db);
    const { token, summary } = await tokenFor(owner);
    await restCall(database.db, "GET", "/cart", { token });
    const waitForLastUsed = async () => {
      for (let attempt = 0; attempt < 50; attempt++) {
        const [row] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, summary.id));
        if (row?.lastUsedAt) return row.lastUsedAt;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error("lastUsedAt was never written");
    };
    const first = await waitForLastUsed();
    await restCall(database.db, "GET", "/cart", { token });
    // A sentinel: a first use of another token, whose write is issued after any the request above made.
    const sentinel = await tokenFor(owner);
    await restCall(database.db, "GET", "/cart", { token: sentinel.token });
    await expect
      .poll(async () => {
        const [row] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, sentinel.summary.id));
        return row?.lastUsedAt ?? null;
      })
      .not.toBeNull();
    const [row] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, summary.id));
    expect(row?.lastUsedAt?.getTime()).toBe(first.getTime());
  });
});
