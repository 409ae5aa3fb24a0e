import { checkoutWith } from "./support/shipping";
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { roleCan, scopeNeeded, type Permission, type Role, type TokenScope } from "@/lib/permissions";
import { listProcedures } from "@/server/api/procedures";
import { appRouter } from "@/server/api/root";
import { apiTokens } from "@/server/db/schema";
import { getAuthSecret } from "@/server/security/auth-secret";
import type { Access } from "@/server/api/trpc";
import { seedDemoData } from "@/server/db/seed";
import { enqueueJob } from "@/server/queue/enqueue";
import type { Actor } from "@/server/domain/actor";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { callerFor, createCustomer } from "./support/callers";
import { buyAs } from "./support/purchases";
import { insertProduct } from "./support/shop-fixtures";

/**
 * The access test: every procedure of the app router, called by every kind of
 * caller, against one declared table of who may call what. A procedure missing
 * from the table fails, so a new one cannot ship without its rule being stated
 * and proven here. Every answer and refusal is also searched for secrets
 * (password and token hashes, the server secret): none may leave the server.
 */

let database: TestDatabase;

interface Fixtures {
  owner: Actor;
  ownerPassword: string;
  productId: string;
  spareProductId: string;
  orderId: string;
  tokenId: string;
  spareUserId: string;
  jobId: string;
  addressId: string;
  spareAddressId: string;
  discountCodeId: string;
}

let fixtures: Fixtures;

type Caller = ReturnType<typeof callerFor>;

interface Rule {
  /** What the procedure must declare. */
  access: Access;
  /** Rows in the input belong to `owner`: everyone else must get NOT_FOUND, never the row. */
  ownedByOwner?: boolean;
  call: (caller: Caller, fixtures: Fixtures) => Promise<unknown>;
}

const accessAddress = {
  name: "Access Test",
  line1: "1 Test Street",
  city: "Berlin",
  postalCode: "10115",
  country: "DE",
} as const;

const everyone: Record<string, Rule> = {
  "auth.signUp": {
    access: "public",
    call: (caller) =>
      caller.auth.signUp({ email: `access-${randomUUID()}@example.test`, password: "long enough pw", name: "A" }),
  },
  "auth.token": {
    access: "public",
    call: (caller, f) => caller.auth.token({ email: f.owner.email, password: f.ownerPassword }),
  },
  "auth.requestPasswordReset": {
    access: "public",
    call: (caller, f) => caller.auth.requestPasswordReset({ email: f.owner.email }),
  },
  "auth.resetPassword": {
    access: "public",
    // A link that does not exist: anyone may try, the reset is refused.
    call: (caller) => caller.auth.resetPassword({ token: "A".repeat(43), password: "a brand new password" }),
  },
  "auth.verifyEmail": { access: "public", call: (caller) => caller.auth.verifyEmail({ token: "A".repeat(43) }) },
  "account.me": { access: "signed-in", call: (caller) => caller.account.me() },
  "account.signOutEverywhere": { access: "manage:session:own", call: (caller) => caller.account.signOutEverywhere() },
  "account.changePassword": {
    access: "update:account:own",
    // A wrong current password: access is granted, the change refused, no session ends.
    call: (caller) => caller.account.changePassword({ currentPassword: "not it", newPassword: "a brand new password" }),
  },
  "account.resendVerification": {
    access: "update:account:own",
    call: (caller) => caller.account.resendVerification(),
  },
  "account.changeEmail": {
    access: "update:account:own",
    // A wrong current password: access is granted, the change refused.
    call: (caller) => caller.account.changeEmail({ email: "moved@example.test", currentPassword: "not it" }),
  },
  "account.exportData": { access: "export:account:own", call: (caller) => caller.account.exportData() },
  "account.delete": {
    access: "delete:account:own",
    // Sessions must confirm with the password: a wrong one is refused and nobody is deleted.
    call: (caller) => caller.account.delete({ currentPassword: "not it" }),
  },
  "account.mailPreferences": { access: "update:account:own", call: (caller) => caller.account.mailPreferences() },
  "account.setMailPreferences": {
    access: "update:account:own",
    call: (caller) => caller.account.setMailPreferences({ orderUpdates: true }),
  },
  "account.signInMethods.list": { access: "manage:session:own", call: (caller) => caller.account.signInMethods.list() },
  "account.signInMethods.confirmLink": {
    access: "manage:session:own",
    // A wrong password: access is granted, the confirmation refused.
    call: (caller) => caller.account.signInMethods.confirmLink({ currentPassword: "not it" }),
  },
  "account.signInMethods.unlink": {
    access: "manage:session:own",
    call: (caller) => caller.account.signInMethods.unlink({ provider: "github" }),
  },
  "account.tokens.list": { access: "manage:token:own", call: (caller) => caller.account.tokens.list() },
  "account.tokens.create": {
    access: "manage:token:own",
    call: (caller) => caller.account.tokens.create({ name: "access test", scopes: ["read"], expiresInDays: 1 }),
  },
  "account.tokens.revoke": {
    access: "manage:token:own",
    ownedByOwner: true,
    call: (caller, f) => caller.account.tokens.revoke({ id: f.tokenId }),
  },
  "catalog.list": { access: "public", call: (caller) => caller.catalog.list({ limit: 2 }) },
  "catalog.categories": { access: "public", call: (caller) => caller.catalog.categories() },
  "catalog.sitemap": { access: "public", call: (caller) => caller.catalog.sitemap() },
  "catalog.bySlug": { access: "public", call: (caller) => caller.catalog.bySlug({ slug: "stoneware-mug" }) },
  "cart.get": { access: "read:cart:own", call: (caller) => caller.cart.get() },
  "cart.setItem": {
    access: "update:cart:own",
    call: (caller, f) => caller.cart.setItem({ productId: f.productId, quantity: 1 }),
  },
  "cart.clear": { access: "update:cart:own", call: (caller) => caller.cart.clear() },
  "checkout.placeOrder": {
    access: "create:order:own",
    call: (caller) => caller.checkout.placeOrder(checkoutWith(randomUUID())),
  },
  "checkout.quote": {
    access: "read:cart:own",
    call: (caller) => caller.checkout.quote({ country: "DE", shippingMethod: "express", discountCode: "WELCOME10" }),
  },
  "account.addresses.list": { access: "read:address:own", call: (caller) => caller.account.addresses.list() },
  "account.addresses.create": {
    access: "manage:address:own",
    call: (caller) => caller.account.addresses.create(accessAddress),
  },
  "account.addresses.update": {
    access: "manage:address:own",
    ownedByOwner: true,
    call: (caller, f) => caller.account.addresses.update({ id: f.addressId, address: accessAddress }),
  },
  "account.addresses.delete": {
    access: "manage:address:own",
    ownedByOwner: true,
    call: (caller, f) => caller.account.addresses.delete({ id: f.spareAddressId }),
  },
  "admin.discounts.list": { access: "read:discount:any", call: (caller) => caller.admin.discounts.list({ limit: 5 }) },
  "admin.discounts.byId": {
    access: "read:discount:any",
    call: (caller, f) => caller.admin.discounts.byId({ id: f.discountCodeId }),
  },
  "admin.discounts.create": {
    access: "manage:discount:any",
    call: (caller) =>
      caller.admin.discounts.create({ code: `ACCESS-${randomUUID().slice(0, 8)}`, kind: "percent", value: 10 }),
  },
  "admin.discounts.pause": {
    access: "manage:discount:any",
    call: (caller, f) => caller.admin.discounts.pause({ id: f.discountCodeId }),
  },
  "admin.discounts.resume": {
    access: "manage:discount:any",
    call: (caller, f) => caller.admin.discounts.resume({ id: f.discountCodeId }),
  },
  "orders.list": { access: "read:order:own", call: (caller) => caller.orders.list({ limit: 5 }) },
  "orders.byId": {
    access: "read:order:own",
    ownedByOwner: true,
    call: (caller, f) => caller.orders.byId({ id: f.orderId }),
  },
  "orders.cancel": {
    access: "cancel:order:own",
    ownedByOwner: true,
    call: (caller, f) => caller.orders.cancel({ id: f.orderId }),
  },
  "orders.pay": {
    access: "create:order:own",
    ownedByOwner: true,
    call: (caller, f) => caller.orders.pay({ id: f.orderId }),
  },
  "live.position": { access: "public", call: (caller) => caller.live.position() },
  "live.stock": { access: "public", call: (caller) => subscribe(caller.live.stock({})) },
  "live.orders": { access: "read:order:own", call: (caller) => subscribe(caller.live.orders({})) },
  "admin.products.list": { access: "read:product:any", call: (caller) => caller.admin.products.list({ limit: 5 }) },
  "admin.products.byId": {
    access: "read:product:any",
    call: (caller, f) => caller.admin.products.byId({ id: f.spareProductId }),
  },
  "admin.products.create": {
    access: "create:product:any",
    call: (caller) =>
      caller.admin.products.create({
        name: "Access Test Lamp",
        slug: `access-lamp-${randomUUID()}`,
        description: "",
        priceCents: 100,
        stock: 1,
      }),
  },
  "admin.products.update": {
    access: "update:product:any",
    call: (caller, f) => caller.admin.products.update({ id: f.spareProductId, priceCents: 1234 }),
  },
  "admin.products.archive": {
    access: "update:product:any",
    call: (caller, f) => caller.admin.products.archive({ id: f.spareProductId }),
  },
  "admin.inventory.adjust": {
    access: "update:inventory:any",
    call: (caller, f) => caller.admin.inventory.adjust({ productId: f.spareProductId, delta: 1, reason: "count" }),
  },
  "admin.orders.list": { access: "read:order:any", call: (caller) => caller.admin.orders.list({ limit: 5 }) },
  "admin.orders.byId": { access: "read:order:any", call: (caller, f) => caller.admin.orders.byId({ id: f.orderId }) },
  "admin.orders.cancel": {
    access: "update:order:any",
    call: (caller, f) => caller.admin.orders.cancel({ id: f.orderId, reason: "access test" }),
  },
  "admin.orders.setStatus": {
    access: "update:order:any",
    call: (caller, f) => caller.admin.orders.setStatus({ id: f.orderId, status: "shipped" }),
  },
  "admin.audit.list": { access: "read:audit:any", call: (caller) => caller.admin.audit.list({ limit: 5 }) },
  "admin.users.list": { access: "read:user:any", call: (caller) => caller.admin.users.list({ limit: 5 }) },
  "admin.users.setRole": {
    access: "update:user:any",
    call: (caller, f) => caller.admin.users.setRole({ userId: f.spareUserId, role: "customer" }),
  },
  "admin.users.setDisabled": {
    access: "update:user:any",
    call: (caller, f) => caller.admin.users.setDisabled({ userId: f.spareUserId, disabled: false }),
  },
  "admin.dashboard": { access: "read:order:any", call: (caller) => caller.admin.dashboard() },
  "admin.jobs.list": { access: "read:job:any", call: (caller) => caller.admin.jobs.list({ state: "failed" }) },
  "admin.jobs.retry": {
    access: "retry:job:any",
    // A queued job needs no retry: access is granted, the retry refused.
    call: (caller, f) => caller.admin.jobs.retry({ id: f.jobId }),
  },
};

/** A subscription is granted when it opens and then waits for events; refused when it fails at once. */
async function subscribe(opened: Promise<AsyncIterable<unknown>>): Promise<void> {
  const iterator = (await opened)[Symbol.asyncIterator]();
  const first = iterator.next();
  const outcome = await Promise.race([
    first.then(() => "event"),
    new Promise((resolve) => setTimeout(resolve, 150, "open")),
  ]);
  void iterator.return?.();
  first.catch(() => undefined);
  expect(["open", "event"]).toContain(outcome);
}

interface Who {
  name: string;
  role: Role | null;
  /** A token's scopes; null for a session. */
  scopes: readonly TokenScope[] | null;
  isOwner: boolean;
  caller: () => Caller;
}

type Outcome = "allowed" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND";

function expectedOutcome(rule: Rule, who: Who): Outcome {
  if (rule.access === "public") return "allowed";
  if (who.role === null) return "UNAUTHORIZED";
  if (rule.access !== "signed-in") {
    const permission: Permission = rule.access;
    if (!roleCan(who.role, permission)) return "FORBIDDEN";
    if (who.scopes !== null) {
      const scope = scopeNeeded(permission);
      if (scope === null || !who.scopes.includes(scope)) return "FORBIDDEN";
    }
  }
  if (rule.ownedByOwner && !who.isOwner) return "NOT_FOUND";
  return "allowed";
}

/** Secrets no answer may carry: hashes, the server secret, and every stored token hash. */
async function secretsIn(text: string): Promise<string[]> {
  const tokenHashes = await database.db.select({ hash: apiTokens.tokenHash }).from(apiTokens);
  const forbidden = [
    "$argon2",
    "passwordHash",
    "password_hash",
    "tokenHash",
    "token_hash",
    getAuthSecret(),
    ...tokenHashes.map((row) => row.hash),
  ];
  return forbidden.filter((secret) => secret && text.includes(secret));
}

async function actualOutcome(call: () => Promise<unknown>): Promise<Outcome | string> {
  try {
    const answer = await call();
    const leaked = await secretsIn(JSON.stringify(answer ?? null));
    if (leaked.length > 0) return `leaked ${leaked.join(", ")}`;
    return "allowed";
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const leaked = await secretsIn(`${error.message} ${JSON.stringify(error.cause ?? null)}`);
    if (leaked.length > 0) return `leaked ${leaked.join(", ")}`;
    if (error.cause instanceof ZodError) return `invalid input: ${error.message}`;
    if (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN" || error.code === "NOT_FOUND") return error.code;
    // A crash proves nothing about access: it must never pass as "allowed".
    if (error.code === "INTERNAL_SERVER_ERROR") return `server error: ${error.message}`;
    // A business refusal (an empty cart, an order cancelled already) still means access was granted.
    return "allowed";
  }
}

let callers: Who[];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db);
  const ownerPassword = "correct horse battery";
  const owner = await createCustomer(database.db);
  const other = await createCustomer(database.db);
  const spareUser = await createCustomer(database.db);
  const [admin] = await database.db.query.users.findMany({ where: (users, { eq }) => eq(users.role, "admin") });
  if (!admin) throw new Error("the demo admin is missing");
  const product = await insertProduct(database.db, { stock: 500 });
  const spare = await insertProduct(database.db, { stock: 5 });
  const ownerCaller = callerFor(database.db, owner);
  const order = await buyAs(database.db, owner, product.id);
  const { summary } = await ownerCaller.account.tokens.create({
    name: "to revoke",
    scopes: ["read"],
    expiresInDays: 1,
  });
  const { token: readOnly } = await ownerCaller.account.tokens.create({
    name: "reader",
    scopes: ["read"],
    expiresInDays: 1,
  });
  const adminCaller = callerFor(database.db, admin);
  const address = await ownerCaller.account.addresses.create(accessAddress);
  const spareAddress = await ownerCaller.account.addresses.create(accessAddress);
  const discount = await adminCaller.admin.discounts.create({ code: "ACCESS-TEST", kind: "percent", value: 10 });
  const { token: adminReader } = await adminCaller.account.tokens.create({
    name: "admin reader",
    scopes: ["read", "orders"],
    expiresInDays: 1,
  });
  const jobId = await enqueueJob(database.db, "events.prune", {});
  if (!jobId) throw new Error("no job queued");
  fixtures = {
    owner,
    ownerPassword,
    productId: product.id,
    spareProductId: spare.id,
    orderId: order.id,
    tokenId: summary.id,
    spareUserId: spareUser.id,
    jobId,
    addressId: address.id,
    spareAddressId: spareAddress.id,
    discountCodeId: discount.id,
  };
  const bearer = (token: string) => () =>
    callerFor(database.db, null, { headers: new Headers({ authorization: `Bearer ${token}` }) });
  callers = [
    { name: "anonymous", role: null, scopes: null, isOwner: false, caller: () => callerFor(database.db, null) },
    {
      name: "another customer",
      role: "customer",
      scopes: null,
      isOwner: false,
      caller: () => callerFor(database.db, other),
    },
    { name: "admin", role: "admin", scopes: null, isOwner: false, caller: () => callerFor(database.db, admin) },
    { name: "owner's read-only token", role: "customer", scopes: ["read"], isOwner: true, caller: bearer(readOnly) },
    {
      name: "admin token without the admin scope",
      role: "admin",
      scopes: ["read", "orders"],
      isOwner: false,
      caller: bearer(adminReader),
    },
    // Last: the owner's own calls may change what the others would see (a cancelled order).
    {
      name: "the owning customer",
      role: "customer",
      scopes: null,
      isOwner: true,
      caller: () => callerFor(database.db, owner),
    },
  ];
});

afterAll(() => database.dispose());

describe("access to every procedure", () => {
  it("has a declared rule for every procedure, and each procedure declares that rule", () => {
    const procedures = listProcedures(appRouter);
    const undeclared = procedures.filter((procedure) => !everyone[procedure.path]).map((procedure) => procedure.path);
    expect(undeclared, "procedures missing from the access table").toEqual([]);
    const stale = Object.keys(everyone).filter((path) => !procedures.some((procedure) => procedure.path === path));
    expect(stale, "entries for procedures that no longer exist").toEqual([]);
    for (const procedure of procedures) {
      expect(procedure.meta?.access, procedure.path).toBe(everyone[procedure.path]?.access);
    }
  });

  for (const path of listProcedures(appRouter).map((procedure) => procedure.path)) {
    it(`${path}: each caller gets exactly what the table says`, async () => {
      const rule = everyone[path];
      if (!rule) throw new Error(`${path} has no rule`);
      const results: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const who of callers) {
        expected[who.name] = expectedOutcome(rule, who);
        results[who.name] = await actualOutcome(() => rule.call(who.caller(), fixtures));
      }
      expect(results).toEqual(expected);
    });
  }
});
