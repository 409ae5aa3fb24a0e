import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCallerFactory, procedure, router } from "@/server/api/trpc";
import { createCustomer, testContext } from "./support/callers";
import { createTestDatabase, type TestDatabase } from "./support/database";

// The access rule picks the builder: mismatches are type errors, and a rule contradicted later fails closed.
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(() => database.dispose());

const sample = router({
  open: procedure("public").query(({ ctx }) => {
    // @ts-expect-error A public procedure has no actor: using one does not compile.
    return typeof ctx.actor;
  }),
  mine: procedure("read:order:own").query(({ ctx }) => ctx.actor.id),
  contradicted: procedure("public")
    .meta({ access: "update:order:any" })
    .query(() => "served"),
});

describe("procedure(access)", () => {
  it("gives a protected procedure its caller, and refuses one without", async () => {
    const caller = createCallerFactory(sample);
    const actor = await createCustomer(database.db);
    expect(await caller(testContext(database.db, { actor })).mine()).toBe(actor.id);
    await expect(caller(testContext(database.db, { actor: null })).mine()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("fails closed when a later meta contradicts the rule it was built for", async () => {
    const caller = createCallerFactory(sample)(testContext(database.db, { actor: null }));
    const error = await caller.contradicted().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("INTERNAL_SERVER_ERROR");
    expect((error as TRPCError).message).toMatch(/built for access "public" but declares "update:order:any"/);
  });
});
