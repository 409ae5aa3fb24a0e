import { shipTo } from "./support/shipping";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "@/server/db/rows";
import { jobDataSchemas } from "@/server/queue/job-data";
import { unsealMail } from "@/server/queue/sealed-mail";
import { addresses, apiTokens, auditLog, orders, userSessions, users } from "@/server/db/schema";
import { callerFor, createCustomer, expectTrpcError } from "./support/callers";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { buyAs } from "./support/purchases";
import { restCall } from "./support/rest";
import { sessionCookieFor } from "./support/sessions";
import { insertProduct } from "./support/shop-fixtures";

let database: TestDatabase;
const PASSWORD = "correct horse battery";

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(() => database.dispose());

/** A customer with a session cookie, an order, and an API token that may export and delete. */
async function customerWithHistory() {
  const customer = await createCustomer(database.db);
  const { cookie } = await sessionCookieFor(database.db, customer.id);
  const session = () => callerFor(database.db, null, { headers: new Headers({ cookie }) });
  const product = await insertProduct(database.db, { stock: 10, name: "Walnut tray" });
  const order = await buyAs(database.db, customer, product.id);
  const { token } = await callerFor(database.db, customer).account.tokens.create({
    name: "data tools",
    scopes: ["read", "account"],
    expiresInDays: 1,
  });
  return { customer, session, order, token };
}

describe("account.exportData", () => {
  it("holds the account, its orders, sessions and tokens, never a hash, and is audited", async () => {
    const { customer, session, order } = await customerWithHistory();
    const data = await session().account.exportData();
    expect(data.account).toMatchObject({ id: customer.id, email: customer.email, emailVerified: false });
    expect(data.orders.map((row) => row.id)).toEqual([order.id]);
    expect(data.orders[0]?.items[0]?.productName).toBe("Walnut tray");
    expect(data.orders[0]?.payments[0]).toMatchObject({ kind: "charge", cardLast4: "4242" });
    expect(data.sessions).toHaveLength(1);
    expect(data.apiTokens.map((token) => token.name)).toEqual(["data tools"]);
    const text = JSON.stringify(data);
    const [stored] = await database.db.select().from(apiTokens).where(eq(apiTokens.userId, customer.id));
    expect(text).not.toContain(stored?.tokenHash);
    expect(text).not.toContain("$argon2");
    const audited = await database.db.select().from(auditLog).where(eq(auditLog.actorId, customer.id));
    expect(audited.map((row) => row.action)).toContain("account.data_exported");
  });

  it("is on the REST face for a token with the account scope, and only for it", async () => {
    const { customer, token } = await customerWithHistory();
    const answer = await restCall(database.db, "GET", "/account/export", { token });
    expect(answer.status).toBe(200);
    expect((answer.json as { account: { id: string } }).account.id).toBe(customer.id);
    const { token: reader } = await callerFor(database.db, customer).account.tokens.create({
      name: "reader",
      scopes: ["read"],
      expiresInDays: 1,
    });
    expect((await restCall(database.db, "GET", "/account/export", { token: reader })).status).toBe(403);
  });
});

describe("account.delete", () => {
  it("needs the password in a session, and a wrong one changes nothing", async () => {
    const { customer, session } = await customerWithHistory();
    await expectTrpcError(session().account.delete({ currentPassword: "not it" }), "BAD_REQUEST");
    await expectTrpcError(session().account.delete({}), "BAD_REQUEST");
    const [row] = await database.db.select().from(users).where(eq(users.id, customer.id));
    expect(row?.deletedAt).toBeNull();
    expect(row?.email).toBe(customer.email);
  });

  it("removes the person, keeps the orders, ends every session and token, and mails a goodbye first", async () => {
    const { customer, session, order, token } = await customerWithHistory();
    const delivered = await buyAs(database.db, customer, (await insertProduct(database.db, { stock: 1 })).id);
    await database.db.update(orders).set({ status: "delivered" }).where(eq(orders.id, delivered.id));
    await callerFor(database.db, customer).account.addresses.create(shipTo.shippingAddress);
    await expect(session().account.delete({ currentPassword: PASSWORD })).resolves.toEqual({ deleted: true });

    const [row] = await database.db.select().from(users).where(eq(users.id, customer.id));
    expect(row).toMatchObject({ name: "Deleted customer", passwordHash: null });
    expect(row?.email).not.toContain(customer.email.split("@")[0] ?? "?");
    expect(row?.deletedAt).toBeInstanceOf(Date);
    const [kept] = await database.db.select().from(orders).where(eq(orders.id, order.id));
    expect(kept?.userId).toBe(customer.id);
    // A paid order still ships where it was bought for; a delivered one forgets the address.
    expect(kept?.shippingAddress).toMatchObject({ name: shipTo.shippingAddress.name });
    const [finished] = await database.db.select().from(orders).where(eq(orders.id, delivered.id));
    expect(finished?.shippingAddress).toBeNull();
    expect(await database.db.select().from(addresses).where(eq(addresses.userId, customer.id))).toEqual([]);
    expect(await database.db.select().from(userSessions).where(eq(userSessions.userId, customer.id))).toEqual([]);
    expect(await database.db.select().from(apiTokens).where(eq(apiTokens.userId, customer.id))).toEqual([]);

    const audit = await database.db.select().from(auditLog).where(eq(auditLog.actorId, customer.id));
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain(customer.email);
    await expectTrpcError(session().account.me(), "UNAUTHORIZED");
    expect((await restCall(database.db, "GET", "/account", { token })).status).toBe(401);
    const jobs = await selectRows<{ data: unknown }>(
      database.db,
      sql`select data from pgboss.job where name = 'mail.send' and data->>'messageKey' = ${`account-deleted:${customer.id}`}`,
    );
    const goodbye = jobs.map((job) => unsealMail(jobDataSchemas["mail.send"].parse(job.data).sealed));
    expect(goodbye).toEqual([expect.objectContaining({ kind: "account-deleted", to: customer.email })]);
    // The address is free again: the person can come back as a new customer.
    await expect(createCustomer(database.db, { email: customer.email })).resolves.toBeTruthy();
  });

  it("works over REST with a token given the account scope", async () => {
    const { customer, token } = await customerWithHistory();
    const answer = await restCall(database.db, "DELETE", "/account", { token });
    expect(answer.status).toBe(200);
    const [row] = await database.db.select().from(users).where(eq(users.id, customer.id));
    expect(row?.deletedAt).toBeInstanceOf(Date);
  });

  it("refuses an administrator", async () => {
    const admin = await createCustomer(database.db);
    await database.db.update(users).set({ role: "admin" }).where(eq(users.id, admin.id));
    const { cookie } = await sessionCookieFor(database.db, admin.id);
    const caller = callerFor(database.db, null, { headers: new Headers({ cookie }) });
    await expectTrpcError(caller.account.delete({ currentPassword: PASSWORD }), "CONFLICT");
  });
});

describe("mail preferences", () => {
  it("turn shipped and delivered notices off and on, audited", async () => {
    const customer = await createCustomer(database.db);
    const caller = callerFor(database.db, customer);
    await expect(caller.account.mailPreferences()).resolves.toEqual({ orderUpdates: true });
    await caller.account.setMailPreferences({ orderUpdates: false });
    await expect(caller.account.mailPreferences()).resolves.toEqual({ orderUpdates: false });
    const audited = await database.db.select().from(auditLog).where(eq(auditLog.actorId, customer.id));
    expect(audited.map((row) => row.action)).toContain("account.mail_preferences_changed");
  });
});
