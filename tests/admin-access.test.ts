import { eq } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rolePermissions, scopeNeeded } from "@/lib/permissions";
import { listProcedures } from "@/server/api/procedures";
import { appRouter } from "@/server/api/root";
import { users } from "@/server/db/schema";
import { seedDemoData } from "@/server/db/seed";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { callerFor, createCustomer } from "./support/callers";

/**
 * A second, independent look at the admin surface: it shares nothing with the
 * access table of tests/access.test.ts. Every `admin.*` procedure the router
 * has, called with no input at all by a customer and by tokens that lack the
 * admin scope, must be FORBIDDEN (access is checked before input). And the
 * role map is written out here literally, so changing who may do what takes a
 * deliberate edit of this file.
 */

let database: TestDatabase;
type Caller = ReturnType<typeof callerFor>;
let callers: Record<string, () => Caller>;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db);
  const customer = await createCustomer(database.db);
  const [admin] = await database.db.select({ id: users.id }).from(users).where(eq(users.role, "admin"));
  if (!admin) throw new Error("the demo admin is missing");
  const customerToken = await callerFor(database.db, customer).account.tokens.create({
    name: "reader",
    scopes: ["read", "orders"],
    expiresInDays: 1,
  });
  const adminActor = { ...customer, id: admin.id, role: "admin" as const };
  const adminToken = await callerFor(database.db, adminActor).account.tokens.create({
    name: "admin without the admin scope",
    scopes: ["read", "orders"],
    expiresInDays: 1,
  });
  const bearer = (token: string) => () =>
    callerFor(database.db, null, { headers: new Headers({ authorization: `Bearer ${token}` }) });
  callers = {
    customer: () => callerFor(database.db, customer),
    "customer's token": bearer(customerToken.token),
    "admin's token without the admin scope": bearer(adminToken.token),
  };
});

afterAll(() => database.dispose());

/** Calls a procedure by its dotted path with no input, however the router nests it. */
async function callByPath(caller: Caller, path: string, type: string): Promise<unknown> {
  let target: unknown = caller;
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  if (typeof target !== "function") throw new Error(`${path} is not callable`);
  const result: unknown = await (target as (input: undefined) => Promise<unknown>)(undefined);
  if (type === "subscription") {
    for await (const _ of result as AsyncIterable<unknown>) break;
  }
  return result;
}

describe("the admin surface", () => {
  const adminProcedures = listProcedures(appRouter).filter((procedure) => procedure.path.startsWith("admin."));

  it("is there to test", () => {
    expect(adminProcedures.length).toBeGreaterThanOrEqual(12);
  });

  for (const procedure of adminProcedures) {
    it(`${procedure.path} is FORBIDDEN to customers and to tokens without the admin scope`, async () => {
      for (const [name, caller] of Object.entries(callers)) {
        const error = await callByPath(caller(), procedure.path, procedure.type).then(
          () => null,
          (caught: unknown) => caught,
        );
        expect(error, name).toBeInstanceOf(TRPCError);
        expect((error as TRPCError).code, name).toBe("FORBIDDEN");
      }
    });
  }
});

describe("the role map", () => {
  it("is exactly this", () => {
    expect(rolePermissions).toEqual({
      customer: [
        "read:cart:own",
        "update:cart:own",
        "create:order:own",
        "read:order:own",
        "cancel:order:own",
        "manage:token:own",
        "manage:session:own",
        "update:account:own",
        "export:account:own",
        "delete:account:own",
        "read:address:own",
        "manage:address:own",
      ],
      admin: [
        "read:cart:own",
        "update:cart:own",
        "create:order:own",
        "read:order:own",
        "cancel:order:own",
        "manage:token:own",
        "manage:session:own",
        "update:account:own",
        "read:product:any",
        "create:product:any",
        "update:product:any",
        "update:inventory:any",
        "read:order:any",
        "update:order:any",
        "read:audit:any",
        "read:user:any",
        "update:user:any",
        "read:job:any",
        "retry:job:any",
        "export:account:own",
        "delete:account:own",
        "read:address:own",
        "manage:address:own",
        "read:discount:any",
        "manage:discount:any",
      ],
    });
  });

  it("gives every store-wide permission to tokens only through the admin scope", () => {
    for (const permission of rolePermissions.admin.filter((name) => name.endsWith(":any"))) {
      expect(scopeNeeded(permission), permission).toBe("admin");
    }
  });
});
