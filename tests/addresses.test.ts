import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { MAX_SAVED_ADDRESSES } from "@/lib/address-book-limits";
import type { AddressInput } from "@/lib/contracts/address";
import { createAddress } from "@/server/domain/addresses/create-address";
import type { Actor } from "@/server/domain/actor";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { callerFor, expectTrpcError, httpCall, type HttpErrorBody } from "./support/callers";
import { restCall, restErrorBody } from "./support/rest";
import { insertCustomers } from "./support/shop-fixtures";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(() => database.dispose());

async function customer(): Promise<Actor> {
  const [actor] = await insertCustomers(database.db, 1);
  if (!actor) throw new Error("no customer");
  return actor;
}

const home: AddressInput = {
  name: "Ada Lovelace",
  line1: "1 Market Street",
  city: "San Francisco",
  postalCode: "94107",
  country: "US",
};

const office: AddressInput = {
  name: "Ada Lovelace",
  line1: "10 Downing Street",
  line2: "Second floor",
  city: "London",
  postalCode: "SW1A 2AA",
  country: "GB",
  phone: "+44 20 7946 0000",
};

describe("account.addresses", () => {
  it("creates, lists, updates and deletes the caller's own addresses", async () => {
    const caller = callerFor(database.db, await customer());
    expect(await caller.account.addresses.list()).toEqual([]);

    const first = await caller.account.addresses.create(home);
    expect(first).toEqual({
      ...home,
      line2: "",
      phone: "",
      id: expect.any(String),
      createdAt: expect.any(String),
    });
    const second = await caller.account.addresses.create({ ...office, name: "  Ada Lovelace  " });
    expect(second.name).toBe("Ada Lovelace");
    expect((await caller.account.addresses.list()).map((address) => address.id)).toEqual([first.id, second.id]);

    const moved = await caller.account.addresses.update({
      id: first.id,
      address: { ...home, line1: "2 Market Street", postalCode: "94107-1234" },
    });
    expect(moved).toMatchObject({ id: first.id, line1: "2 Market Street", postalCode: "94107-1234" });
    expect(moved.createdAt).toBe(first.createdAt);
    // Editing keeps the address where it was in the list.
    expect(await caller.account.addresses.list()).toEqual([moved, second]);

    expect(await caller.account.addresses.delete({ id: second.id })).toEqual(second);
    expect(await caller.account.addresses.list()).toEqual([moved]);
    await expectTrpcError(caller.account.addresses.delete({ id: second.id }), "NOT_FOUND");
  });

  it("keeps another customer's addresses out of sight: NOT_FOUND for update and delete, absent from the list", async () => {
    const owner = callerFor(database.db, await customer());
    const stranger = callerFor(database.db, await customer());
    const theirs = await owner.account.addresses.create(home);

    expect(await stranger.account.addresses.list()).toEqual([]);
    const updated = await expectTrpcError(
      stranger.account.addresses.update({ id: theirs.id, address: office }),
      "NOT_FOUND",
    );
    const deleted = await expectTrpcError(stranger.account.addresses.delete({ id: theirs.id }), "NOT_FOUND");
    // Exactly like an address that does not exist: nothing tells the two apart.
    const missing = await expectTrpcError(stranger.account.addresses.delete({ id: randomUUID() }), "NOT_FOUND");
    expect(updated.message).toBe(missing.message);
    expect(deleted.message).toBe(missing.message);

    expect(await owner.account.addresses.list()).toEqual([theirs]);
  });

  it("refuses a postal code that does not fit the country with BAD_REQUEST and an issue on postalCode", async () => {
    const actor = await customer();
    const caller = callerFor(database.db, actor);
    const error = await expectTrpcError(
      caller.account.addresses.create({ ...home, country: "CA", postalCode: "94107" }),
      "BAD_REQUEST",
    );
    expect(error.cause).toBeInstanceOf(ZodError);
    expect((error.cause as ZodError).issues.map((issue) => issue.path.join("."))).toEqual(["postalCode"]);

    const response = await httpCall(
      database.db,
      "account.addresses.create",
      { ...home, postalCode: "SW1A 1AA" },
      {
        method: "POST",
        actor,
      },
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as HttpErrorBody;
    expect(body.error.data.issues).toEqual([
      { path: "postalCode", message: expect.stringContaining("not a valid postal code for United States") },
    ]);

    const saved = await caller.account.addresses.create(home);
    const onUpdate = await httpCall(
      database.db,
      "account.addresses.update",
      { id: saved.id, address: { ...home, country: "DE", postalCode: "1234" } },
      { method: "POST", actor },
    );
    expect(onUpdate.status).toBe(400);
    const updateBody = (await onUpdate.json()) as HttpErrorBody;
    expect(updateBody.error.data.issues?.map((issue) => issue.path)).toEqual(["address.postalCode"]);
    expect(await caller.account.addresses.list()).toEqual([saved]);
  });

  it("is UNAUTHORIZED for anonymous callers", async () => {
    const anonymous = callerFor(database.db, null);
    await expectTrpcError(anonymous.account.addresses.list(), "UNAUTHORIZED");
    await expectTrpcError(anonymous.account.addresses.create(home), "UNAUTHORIZED");
    await expectTrpcError(anonymous.account.addresses.update({ id: randomUUID(), address: home }), "UNAUTHORIZED");
    await expectTrpcError(anonymous.account.addresses.delete({ id: randomUUID() }), "UNAUTHORIZED");
  });

  it(`keeps at most ${MAX_SAVED_ADDRESSES} addresses per customer, with a message that says what to do`, async () => {
    const caller = callerFor(database.db, await customer());
    const saved = [];
    for (let index = 0; index < MAX_SAVED_ADDRESSES; index++) {
      saved.push(await caller.account.addresses.create({ ...home, line1: `${index + 1} Market Street` }));
    }
    const error = await expectTrpcError(caller.account.addresses.create(office), "CONFLICT");
    expect(error.message).toContain(`full (${MAX_SAVED_ADDRESSES} addresses)`);
    expect(error.message).toContain("Delete one you no longer use");
    expect(await caller.account.addresses.list()).toHaveLength(MAX_SAVED_ADDRESSES);

    // Another customer's book is their own.
    await callerFor(database.db, await customer()).account.addresses.create(office);

    const [oldest] = saved;
    if (!oldest) throw new Error("nothing saved");
    await caller.account.addresses.delete({ id: oldest.id });
    await caller.account.addresses.create(office);
    expect(await caller.account.addresses.list()).toHaveLength(MAX_SAVED_ADDRESSES);
  });

  it("lets only one of several simultaneous additions take the last place", async () => {
    const actor = await customer();
    const caller = callerFor(database.db, actor);
    for (let index = 0; index < MAX_SAVED_ADDRESSES - 1; index++) await caller.account.addresses.create(home);
    // Warm connections, and straight to the domain function: either would otherwise space the calls out.
    await Promise.all(Array.from({ length: 6 }, () => database.db.execute(sql`select pg_sleep(0.05)`)));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, () => createAddress(database.db, actor, { ...office, line2: "", phone: "" })),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") expect(outcome.reason).toMatchObject({ code: "CONFLICT" });
    }
    expect(await caller.account.addresses.list()).toHaveLength(MAX_SAVED_ADDRESSES);
  });
});

describe("the REST twins under /api/v1/account/addresses", () => {
  it("creates with 201 and a Location, lists, replaces and deletes", async () => {
    const actor = await customer();
    const { token } = await callerFor(database.db, actor).account.tokens.create({
      name: "address book",
      scopes: ["read", "orders"],
      expiresInDays: 1,
    });

    const created = await restCall(database.db, "POST", "/account/addresses", { token, body: home });
    expect(created.status).toBe(201);
    const saved = created.json as { id: string };
    expect(created.headers.get("location")).toBe(`/api/v1/account/addresses/${saved.id}`);

    const listed = await restCall(database.db, "GET", "/account/addresses", { token });
    expect(listed.status).toBe(200);
    expect(listed.json).toEqual([saved]);

    const replaced = await restCall(database.db, "PUT", `/account/addresses/${saved.id}`, {
      token,
      body: { address: office },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.json).toMatchObject({ id: saved.id, city: "London", country: "GB" });

    const invalid = await restCall(database.db, "PUT", `/account/addresses/${saved.id}`, {
      token,
      body: { address: { ...office, postalCode: "nope" } },
    });
    expect(invalid.status).toBe(400);
    expect(restErrorBody(invalid.json).issues?.map((issue) => issue.path)).toEqual(["address.postalCode"]);

    const removed = await restCall(database.db, "DELETE", `/account/addresses/${saved.id}`, { token });
    expect(removed.status).toBe(200);
    const again = await restCall(database.db, "DELETE", `/account/addresses/${saved.id}`, { token });
    expect(again.status).toBe(404);
  });

  it("lets a read-only token list but not change the address book", async () => {
    const actor = await customer();
    const { token } = await callerFor(database.db, actor).account.tokens.create({
      name: "reader",
      scopes: ["read"],
      expiresInDays: 1,
    });
    expect((await restCall(database.db, "GET", "/account/addresses", { token })).status).toBe(200);
    expect((await restCall(database.db, "POST", "/account/addresses", { token, body: home })).status).toBe(403);
  });
});
