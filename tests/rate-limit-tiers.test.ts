import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tierPolicies } from "@/server/http/rate-limit/policies";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { callerFor, createCustomer, expectTrpcError, httpCall, uniqueClientIp } from "./support/callers";
import { insertProduct } from "./support/shop-fixtures";

/** The loose tiers every procedure passes, at the limits the app runs with (vitest sets no override). */
let database: TestDatabase;

/**
 * Calls until the first refusal and returns how many got through. The bucket
 * refills while the loop runs (one request per interval), so the count must lie
 * between the burst and the burst plus what refilled meanwhile.
 */
async function callsBeforeRefusal(limit: number, periodSeconds: number, call: () => Promise<boolean>) {
  const started = Date.now();
  let allowed = 0;
  while (allowed <= limit * 2 && (await call())) allowed += 1;
  const refilled = Math.ceil((Date.now() - started) / ((periodSeconds * 1000) / limit)) + 1;
  expect(allowed).toBeGreaterThanOrEqual(limit);
  expect(allowed).toBeLessThanOrEqual(limit + refilled);
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
    let quantity = 0;
    await callsBeforeRefusal(writes.limit, writes.periodSeconds, async () => {
      const answer = await setItem(1 + (quantity++ % 5));
      if (answer.status !== 200 && answer.status !== 429) throw new Error(`unexpected ${answer.status}`);
      return answer.status === 200;
    });

    const refused = await setItem(7);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(Math.ceil(writes.periodSeconds / writes.limit));
    const body = (await refused.json()) as { error: { data: { code: string; retryAfterSeconds: number } } };
    expect(body.error.data).toMatchObject({ code: "TOO_MANY_REQUESTS", retryAfterSeconds: retryAfter });
    // Refused, so not written: the cart still holds the last accepted quantity.
    const cart = await callerFor(database.db, actor).cart.get();
    expect(cart.items[0]?.quantity).not.toBe(7);

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
    await callsBeforeRefusal(reads.limit, reads.periodSeconds, () =>
      caller.live.position().then(
        () => true,
        () => false,
      ),
    );
    const refused = await expectTrpcError(caller.live.position(), "TOO_MANY_REQUESTS");
    expect(refused.message).toMatch(/Try again in \d+ second/);
    await expect(callerFor(database.db, null, { clientIp: uniqueClientIp() }).live.position()).resolves.toBeDefined();
  });
});
