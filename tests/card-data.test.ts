import { checkoutWith, shipTo } from "./support/shipping";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { listProcedures } from "@/server/api/procedures";
import { openApiDocument } from "@/server/api/rest/openapi-document";
import { appRouter } from "@/server/api/root";
import { selectRows } from "@/server/db/rows";
import type { Actor } from "@/server/domain/actor";
import { logger } from "@/server/observability/logger";
import { cardInput, TEST_CARDS } from "@/server/payments/test-provider/card-input";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { callerFor, createCustomer, httpCall } from "./support/callers";
import { restCall } from "./support/rest";
import { insertProduct } from "./support/shop-fixtures";

/**
 * The shop never takes card data: the provider's page does. No field of the
 * contract can carry a card number, expiry or security code, and one a client
 * sends anyway is dropped before anything is stored or logged.
 */

// The last four digits are the most a provider's event may name, and all the shop keeps.
const CARD_FIELD = /card|cvc|cvv|security.?code|expiry|expiration|exp.?(month|year)/i;
const ALLOWED_CARD_FIELDS = ["cardLast4"];

/** Every property, parameter and header name anywhere in a JSON document. */
function fieldNames(node: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) fieldNames(item, names);
  } else if (node && typeof node === "object") {
    const record = node as Record<string, unknown>;
    for (const key of ["properties", "headers"]) {
      const fields = record[key];
      if (fields && typeof fields === "object") for (const name of Object.keys(fields)) names.add(name);
    }
    if (typeof record.name === "string" && typeof record.in === "string") names.add(record.name);
    for (const value of Object.values(record)) fieldNames(value, names);
  }
  return names;
}

function cardFields(names: Set<string>): string[] {
  return [...names].filter((name) => CARD_FIELD.test(name) && !ALLOWED_CARD_FIELDS.includes(name)).sort();
}

describe("the contract", () => {
  it("has no field for a card number, expiry or security code in the OpenAPI document", () => {
    const names = fieldNames(openApiDocument());
    expect(names).toContain("Idempotency-Key");
    expect(names).toContain("cardLast4");
    expect(cardFields(names)).toEqual([]);
  });

  it("has none in any procedure's input either", () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: z.ZodType[] } }>;
    const names = new Set<string>();
    for (const { path } of listProcedures(appRouter)) {
      for (const input of procedures[path]?._def.inputs ?? []) {
        fieldNames(z.toJSONSchema(input, { io: "input", unrepresentable: "any" }), names);
      }
    }
    expect(names).toContain("idempotencyKey");
    expect(cardFields(names)).toEqual([]);
  });
});

describe("card data sent to checkout anyway", () => {
  const cardNumber = TEST_CARDS.approved;
  const payment = { cardNumber, expiry: "12/39", cvc: "737" };
  let database: TestDatabase;
  let buyer: Actor;

  beforeAll(async () => {
    database = await createTestDatabase();
    buyer = await createCustomer(database.db);
  });

  afterAll(() => database.dispose());
  afterEach(() => vi.restoreAllMocks());

  /** Every row of every table the app and its test provider keep, as text. */
  async function everythingStored(): Promise<string> {
    const tables = await selectRows<{ schema: string; name: string }>(
      database.db,
      sql`select schemaname as schema, tablename as name from pg_tables
          where schemaname not in ('pg_catalog', 'information_schema')`,
    );
    expect(tables.map((table) => table.schema)).toEqual(expect.arrayContaining(["public", "test_provider"]));
    const texts: string[] = [];
    for (const { schema, name } of tables) {
      const rows = await selectRows<{ row: string }>(
        database.db,
        sql`select t::text as row from ${sql.identifier(schema)}.${sql.identifier(name)} t`,
      );
      texts.push(...rows.map((row) => row.row));
    }
    return texts.join("\n");
  }

  /** Every call to the logger, at any level, while `run` runs: arguments as JSON. */
  async function logsOf(run: () => Promise<void>): Promise<string[]> {
    const levels = ["trace", "debug", "info", "warn", "error", "fatal"] as const;
    const spies = levels.map((level) => vi.spyOn(logger, level).mockImplementation(() => undefined));
    await run();
    return spies.flatMap((spy) => spy.mock.calls.map((args) => JSON.stringify(args)));
  }

  it("is dropped over tRPC and REST: the order is placed, and the number is neither stored nor logged", async () => {
    const product = await insertProduct(database.db, { stock: 5 });
    const caller = callerFor(database.db, buyer);
    const { token } = await caller.account.tokens.create({
      name: "card test",
      scopes: ["read", "orders"],
      expiresInDays: 1,
    });
    const answers: string[] = [];

    const logs = await logsOf(async () => {
      await caller.cart.setItem({ productId: product.id, quantity: 1 });
      const viaTrpc = await httpCall(
        database.db,
        "checkout.placeOrder",
        { ...checkoutWith(randomUUID()), payment },
        { method: "POST", actor: buyer },
      );
      expect(viaTrpc.status).toBe(200);
      answers.push(await viaTrpc.text());

      await caller.cart.setItem({ productId: product.id, quantity: 1 });
      const viaRest = await restCall(database.db, "POST", "/orders", {
        token,
        headers: { "idempotency-key": randomUUID() },
        body: { ...shipTo, payment },
      });
      expect(viaRest.status).toBe(202);
      expect(viaRest.json).toMatchObject({ order: { status: "awaiting_payment" } });
      answers.push(JSON.stringify(viaRest.json));
    });

    // The logger was listening: each call left its line, without its input.
    expect(logs.filter((line) => line.includes('"procedure":"checkout.placeOrder"'))).toHaveLength(2);
    expect(logs.filter((line) => line.includes(cardNumber))).toEqual([]);
    expect(answers.filter((answer) => answer.includes(cardNumber) || answer.includes("cvc"))).toEqual([]);
    expect((await caller.orders.list({})).items).toHaveLength(2);
    const stored = await everythingStored();
    expect(stored).toContain(buyer.email);
    expect(stored).not.toContain(cardNumber);
    expect(stored).not.toContain("12/39");
  });
});

describe("the test provider's card form, where the card is taken", () => {
  const valid = { cardNumber: TEST_CARDS.approved, expiry: "12/39", cvc: "123" };

  it.each([
    ["fails the Luhn check", "4242424242424241", "This card number is not valid; check the digits"],
    ["is 10 MB long", "4".repeat(10_000_000), "Card number is too long"],
    ["is not one of the test cards", "5555555555554444", "Test mode takes only the test cards listed below"],
  ])("refuses a number that %s, on the field", (_label, number, message) => {
    const parsed = cardInput.safeParse({ ...valid, cardNumber: number });
    if (parsed.success) throw new Error("a bad card number was taken");
    const { fieldErrors } = z.flattenError(parsed.error);
    expect(Object.keys(fieldErrors)).toEqual(["cardNumber"]);
    expect(fieldErrors.cardNumber?.[0]).toBe(message);
  });

  it("takes a test card as typed, with spaces", () => {
    const parsed = cardInput.safeParse({ ...valid, cardNumber: "4242 4242 4242 4242" });
    expect(parsed.data?.cardNumber).toBe(TEST_CARDS.approved);
  });
});
