import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tierPolicies } from "@/server/http/rate-limit/policies";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { callerFor, createCustomer, httpCall, uniqueClientIp } from "./support/callers";
import { insertProduct } from "./support/shop-fixtures";

/** The loose tiers every procedure passes, at the limits the app runs with (vitest sets no override). */
let database: TestDatabase;

/**
 * Calls until the first refusal and returns it. The bucket refills while the
 * loop runs (one request per interval), so the count allowed must lie between
 * the burst and the burst plus what refilled meanwhile. The refusal asserted on
 * is the loop's own: a fresh call afterwards could meet a token that has just
 * refilled on a slow machine.
 */
async function firstRefusal<Refusal>(
  limit: number,
  periodSeconds: number,
  call: () => Promise<Refusal | undefined>,
): Promise<Refusal> {
  const started = Date.now();
  let allowed = 0;
  while (allowed <= limit * 2) {
    const refusal = await call();
    if (refusal !== undefined) {
      const refilled = Math.ceil((Date.now() - started) / ((periodSeconds * 1000) / limit)) + 1;
      expect(allowed).toBeGreaterThanOrEqual(limit);
      expect(allowed).toBeLessThanOrEqual(limit + refilled);
      return refusal;
    }
    allowed += 1;
  }
  throw new Error(`no refusal after ${allowed} calls against a limit of ${limit}`);
}

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(() => database.dispose());

describe("the writes tier", () => {
  it("refuses a user's mutation past the limit over HTTP with 429, Retry-After and retryAfterSeconds", async () => {
    const writes = tierPolicies.writes;
    if (!writes) throw new Error("the writes tier is configured off");
    const actor = await createCustomer(database.db);
    const product = await insertProduct(database.db, { stock: 50 });
    const setItem = (quantity: number) =>
      httpCall(database.db, "cart.setItem", { productId: product.id, quantity }, { method: "POST", actor });
    // Consecutive calls ask for different quantities, so the refused one's is never the last accepted one's.
    let calls = 0;
    let acceptedQuantity = 0;
    const refused = await firstRefusal(writes.limit, writes.periodSeconds, async () => {
      const quantity = 1 + (calls++ % 5);
      const answer = await setItem(quantity);
      if (answer.status !== 200 && answer.status !== 429) throw new Error(`unexpected ${answer.status}`);
      if (answer.status === 429) return answer;
      acceptedQuantity = quantity;
      return undefined;
    });
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(Math.ceil(writes.periodSeconds / writes.limit));
    const body = (await refused.json()) as { error: { data: { code: string; retryAfterSeconds: number } } };
    expect(body.error.data).toMatchObject({ code: "TOO_MANY_REQUESTS", retryAfterSeconds: retryAfter });
    // Refused, so not written: the cart still holds the last accepted quantity.
    const cart = await callerFor(database.db, actor).cart.get();
    expect(cart.items[0]?.quantity).toBe(acceptedQuantity);

    // Another user is not affected.
    const other = await createCustomer(database.db);
    const allowed = await httpCall(
      database.db,
      "cart.setItem",
      { productId: product.id, quantity: 1 },
      { method: "POST", actor: other },
    );
    expect(allowed.status).toBe(200);
  });
});

describe("the reads tier", () => {
  it("refuses an address's queries past the limit, and only that address's", async () => {
    const reads = tierPolicies.reads;
    if (!reads) throw new Error("the reads tier is configured off");
    const clientIp = uniqueClientIp();
    const caller = callerFor(database.db, null, { clientIp });
    const refused = await firstRefusal(reads.limit, reads.periodSeconds, () =>
      caller.live.position().then(
        () => undefined,
        (error: unknown) => {
          if (error instanceof TRPCError) return error;
          throw error;
        },
      ),
    );
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.message).toMatch(/Try again in \d+ second/);
    await expect(callerFor(database.db, null, { clientIp: uniqueClientIp() }).live.position()).resolves.toBeDefined();
  });
});
