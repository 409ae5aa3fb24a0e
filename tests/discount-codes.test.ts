import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreateDiscountInput } from "@/lib/contracts/discounts";
import { discountCodes, discountRedemptions, orders, users } from "@/server/db/schema";
import type { Actor } from "@/server/domain/actor";
import { settleUnpaidOrder } from "@/server/domain/payments/settle-unpaid-order";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { callerFor, createCustomer, httpCall, type HttpErrorBody } from "./support/callers";
import { testProvider } from "./support/payments";
import { checkoutWith } from "./support/shipping";
import { insertCustomers, insertProduct, stockOf } from "./support/shop-fixtures";

let database: TestDatabase;
let admin: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  const customer = await createCustomer(database.db, { name: "Codes Admin" });
  const [promoted] = await database.db
    .update(users)
    .set({ role: "admin" })
    .where(eq(users.id, customer.id))
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
  if (!promoted) throw new Error("no admin");
  admin = promoted;
});

afterAll(() => database.dispose());

/** A fresh code per test through admin.discounts.create (10 % off, no limits unless given). */
async function createCode(overrides: Partial<CreateDiscountInput> = {}) {
  return callerFor(database.db, admin).admin.discounts.create({
    code: `CODE-${randomUUID().slice(0, 8)}`,
    kind: "percent",
    value: 10,
    ...overrides,
  });
}

interface Shopper {
  buyer: Actor;
  caller: ReturnType<typeof callerFor>;
  productId: string;
}

/** A buyer with one product in the cart; by default a new buyer and a new 40.00 product. */
async function shopper(options: { priceCents?: number; buyer?: Actor; productId?: string } = {}): Promise<Shopper> {
  const [buyer] = options.buyer ? [options.buyer] : await insertCustomers(database.db, 1);
  if (!buyer) throw new Error("no buyer");
  const productId =
    options.productId ?? (await insertProduct(database.db, { stock: 10, priceCents: options.priceCents ?? 4_000 })).id;
  const caller = callerFor(database.db, buyer);
  await caller.cart.setItem({ productId, quantity: 1 });
  return { buyer, caller, productId };
}

function placeWith(who: Shopper, discountCode: string, idempotencyKey = randomUUID()) {
  return who.caller.checkout.placeOrder(checkoutWith(idempotencyKey, { discountCode }));
}

async function usageOf(codeId: string) {
  const [code] = await database.db
    .select({ timesUsed: discountCodes.timesUsed })
    .from(discountCodes)
    .where(eq(discountCodes.id, codeId));
  const [redemptions] = await database.db
    .select({ n: count() })
    .from(discountRedemptions)
    .where(eq(discountRedemptions.codeId, codeId));
  return { timesUsed: code?.timesUsed, redemptions: redemptions?.n };
}

async function ordersWithCode(code: string): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(orders).where(eq(orders.discountCode, code));
  return row?.n ?? 0;
}

/** What a refused checkout must leave as it was. */
async function stateOf(who: Shopper, codeId: string | null) {
  const [placed] = await database.db.select({ n: count() }).from(orders).where(eq(orders.userId, who.buyer.id));
  const cart = await who.caller.cart.get();
  return {
    orders: placed?.n,
    stock: await stockOf(database.db, who.productId),
    cart: cart.items.map((item) => [item.product.id, item.quantity]),
    usage: codeId ? await usageOf(codeId) : null,
  };
}

async function rejectionOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

/** A refused code: the quote says why and still prices the cart; checkout refuses it and changes nothing. */
async function expectRefused(
  who: Shopper,
  typed: string,
  refusal: { reason: string; message: string; codeId: string | null },
) {
  const quote = await who.caller.checkout.quote({ country: "US", shippingMethod: "standard", discountCode: typed });
  expect(quote.discount).toEqual({ code: typed.trim().toUpperCase(), applies: false, message: refusal.message });
  expect(quote.discountCents).toBe(0);

  const before = await stateOf(who, refusal.codeId);
  const error = await rejectionOf(placeWith(who, typed));
  // Uses that ran out conflict with other buyers; a code that never applied is unprocessable.
  const usesGone = refusal.reason === "used_up" || refusal.reason === "used_by_you";
  expect(error.code).toBe(usesGone ? "CONFLICT" : "UNPROCESSABLE_CONTENT");
  expect(error.message).toBe(refusal.message);
  expect(error.cause).toMatchObject({ details: { discountCode: refusal.reason } });
  expect(await stateOf(who, refusal.codeId)).toEqual(before);
}

describe("a code that does not apply", () => {
  it("unknown: says there is no such code", async () => {
    const typed = `nope-${randomUUID().slice(0, 8)}`;
    await expectRefused(await shopper(), typed, {
      reason: "unknown",
      message: `There is no discount code ${typed.toUpperCase()}. Check the spelling.`,
      codeId: null,
    });
  });

  it("paused: says it is not active", async () => {
    const code = await createCode();
    await callerFor(database.db, admin).admin.discounts.pause({ id: code.id });
    await expectRefused(await shopper(), code.code, {
      reason: "paused",
      message: `The code ${code.code} is not active at the moment.`,
      codeId: code.id,
    });
  });

  it("not started: says from when it can be used", async () => {
    const code = await createCode({ startsAt: "2100-01-01T09:00:00Z" });
    await expectRefused(await shopper(), code.code, {
      reason: "not_started",
      message: `The code ${code.code} can be used from Jan 1, 2100.`,
      codeId: code.id,
    });
  });

  it("ended: says when it expired", async () => {
    const code = await createCode({ startsAt: "2020-01-01T00:00:00Z", endsAt: "2020-06-30T12:00:00Z" });
    await expectRefused(await shopper(), code.code, {
      reason: "ended",
      message: `The code ${code.code} expired on Jun 30, 2020.`,
      codeId: code.id,
    });
  });

  it("below its minimum: names the subtotal it needs, and applies from exactly that subtotal", async () => {
    const code = await createCode({ minSubtotalCents: 5_000 });
    await expectRefused(await shopper({ priceCents: 4_999 }), code.code, {
      reason: "below_minimum",
      message: `The code ${code.code} needs a subtotal of at least $50.00.`,
      codeId: code.id,
    });
    const enough = await shopper({ priceCents: 5_000 });
    const quote = await enough.caller.checkout.quote({ discountCode: code.code });
    expect(quote).toMatchObject({ discountCents: 500, discount: { applies: true } });
  });

  it("used up: says it has been used as many times as it allows", async () => {
    const code = await createCode({ usageLimit: 1 });
    await placeWith(await shopper(), code.code);
    expect(await usageOf(code.id)).toEqual({ timesUsed: 1, redemptions: 1 });
    await expectRefused(await shopper(), code.code, {
      reason: "used_up",
      message: `The code ${code.code} has been used as many times as it allows.`,
      codeId: code.id,
    });
  });

  it("used by you: says this buyer has had their uses, while others still may", async () => {
    const code = await createCode({ perCustomerLimit: 1 });
    const first = await shopper();
    await placeWith(first, code.code);
    await expectRefused(await shopper({ buyer: first.buyer }), code.code, {
      reason: "used_by_you",
      message: `You have already used the code ${code.code} as many times as it allows.`,
      codeId: code.id,
    });
    const other = await shopper();
    expect((await other.caller.checkout.quote({ discountCode: code.code })).discount).toMatchObject({ applies: true });
  });

  it("used by you: still counts after the account changed its email address", async () => {
    const code = await createCode({ perCustomerLimit: 1 });
    const first = await shopper();
    await placeWith(first, code.code);
    const renamed = { ...first.buyer, email: `renamed-${randomUUID()}@example.test` };
    await database.db.update(users).set({ email: renamed.email }).where(eq(users.id, renamed.id));
    await expectRefused(await shopper({ buyer: renamed }), code.code, {
      reason: "used_by_you",
      message: `You have already used the code ${code.code} as many times as it allows.`,
      codeId: code.id,
    });
  });

  it("puts the reason in the HTTP error's data", async () => {
    const who = await shopper();
    const typed = `nope-${randomUUID().slice(0, 8)}`;
    const response = await httpCall(
      database.db,
      "checkout.placeOrder",
      checkoutWith(randomUUID(), { discountCode: typed }),
      {
        method: "POST",
        actor: who.buyer,
      },
    );
    expect(response.status).toBe(422);
    const body = (await response.json()) as HttpErrorBody;
    expect(body.error.message).toBe(`There is no discount code ${typed.toUpperCase()}. Check the spelling.`);
    expect(body.error.data).toMatchObject({ code: "UNPROCESSABLE_CONTENT", httpStatus: 422, discountCode: "unknown" });
  });
});

describe("a code that applies", () => {
  it("is found whatever its case and surrounding spaces, and the order keeps it upper-cased", async () => {
    const code = await createCode({ code: `Mixed-Case-${randomUUID().slice(0, 6)}` });
    expect(code.code).toBe(code.code.toUpperCase());
    const who = await shopper();

    const quote = await who.caller.checkout.quote({ discountCode: `  ${code.code.toLowerCase()}  ` });
    // 10 % of 40.00.
    expect(quote).toMatchObject({ discountCents: 400, totalCents: 3_600 });
    expect(quote.discount).toEqual({ code: code.code, applies: true, message: `${code.code} takes $4.00 off.` });

    const mixed = [...code.code].map((char, index) => (index % 2 ? char.toLowerCase() : char)).join("");
    const { order } = await placeWith(who, mixed);
    expect(order).toMatchObject({ discountCode: code.code, discountCents: 400 });
    expect(await usageOf(code.id)).toEqual({ timesUsed: 1, redemptions: 1 });
  });
});

describe("limits under concurrency", () => {
  it("30 buyers race for a code limited to 10 uses: 10 orders carry it, 20 are refused and hold nothing", async () => {
    const code = await createCode({ usageLimit: 10 });
    const product = await insertProduct(database.db, { stock: 100, priceCents: 2_000 });
    const buyers = await insertCustomers(database.db, 30);
    const shoppers = await Promise.all(buyers.map((buyer) => shopper({ buyer, productId: product.id })));

    const results = await Promise.allSettled(shoppers.map((who) => placeWith(who, code.code)));

    const fulfilled = results.filter((result) => result.status === "fulfilled");
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(fulfilled).toHaveLength(10);
    for (const winner of fulfilled) {
      expect(winner.value.order).toMatchObject({ discountCode: code.code, discountCents: 200 });
    }
    expect(rejected).toHaveLength(20);
    for (const loser of rejected) {
      // Refused by the first check (the limit was reached before it read the code) or under the code's
      // lock: the same answer either way.
      expect(loser.reason).toBeInstanceOf(TRPCError);
      expect((loser.reason as TRPCError).code).toBe("CONFLICT");
      expect(loser.reason).toMatchObject({
        message: `The code ${code.code} has been used as many times as it allows.`,
        cause: { details: { discountCode: "used_up" } },
      });
    }
    expect(await usageOf(code.id)).toEqual({ timesUsed: 10, redemptions: 10 });
    expect(await ordersWithCode(code.code)).toBe(10);
    expect(await stockOf(database.db, product.id)).toBe(90);
    // The refused buyers keep their carts, to buy without the code.
    const carts = await Promise.all(shoppers.map(async (who) => (await who.caller.cart.get()).items.length));
    expect(carts.filter((items) => items === 1)).toHaveLength(20);
  });

  it("one buyer racing 5 checkouts with a code limited to 1 per customer gets exactly 1 order", async () => {
    const code = await createCode({ perCustomerLimit: 1 });
    const who = await shopper();

    const results = await Promise.allSettled(Array.from({ length: 5 }, () => placeWith(who, code.code)));

    const fulfilled = results.filter((result) => result.status === "fulfilled");
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    // One account's checkouts queue on its cart's lock: after the winner the cart is empty. Were it
    // not, the code's per-customer count (read under the code's lock) would refuse them.
    for (const loser of rejected) {
      expect([
        "Your cart is empty.",
        `You have already used the code ${code.code} as many times as it allows.`,
      ]).toContain((loser.reason as TRPCError).message);
    }
    expect(await usageOf(code.id)).toEqual({ timesUsed: 1, redemptions: 1 });

    // With a full cart again, the code is refused for this buyer.
    await expectRefused(await shopper({ buyer: who.buyer }), code.code, {
      reason: "used_by_you",
      message: `You have already used the code ${code.code} as many times as it allows.`,
      codeId: code.id,
    });
  });

  it("accounts whose emails differ only in case are one customer, even racing each other", async () => {
    // Sign-up stores emails lower-cased, so these rows are written by hand: distinct accounts with
    // distinct carts, whose checkouts do not queue on one cart lock. Only the per-customer count,
    // read after the code's row lock and by email whatever its case, stands between them.
    const code = await createCode({ perCustomerLimit: 1 });
    const local = `twin-${randomUUID().slice(0, 8)}-buyer`;
    const twins = await database.db
      .insert(users)
      .values(
        [local, local.toUpperCase(), `T${local.slice(1)}`, `${local.slice(0, -1)}R`].map((name) => ({
          email: `${name}@example.test`,
          name: "Twin",
        })),
      )
      .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
    const shoppers = await Promise.all(twins.map((buyer) => shopper({ buyer })));

    const results = await Promise.allSettled(shoppers.map((who) => placeWith(who, code.code)));

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "fulfilled") continue;
      expect(result.reason).toMatchObject({
        message: `You have already used the code ${code.code} as many times as it allows.`,
        cause: { details: { discountCode: "used_by_you" } },
      });
    }
    expect(await usageOf(code.id)).toEqual({ timesUsed: 1, redemptions: 1 });
    const [redemption] = await database.db
      .select({ email: discountRedemptions.email })
      .from(discountRedemptions)
      .where(eq(discountRedemptions.codeId, code.id));
    expect(redemption?.email).toBe(`${local}@example.test`);
  });
});

describe("uses given back", () => {
  it("an order that expires unpaid gives its use back, and the code can be used again", async () => {
    const code = await createCode({ usageLimit: 1 });
    const { order } = await placeWith(await shopper(), code.code);
    expect(await usageOf(code.id)).toEqual({ timesUsed: 1, redemptions: 1 });
    const next = await shopper();
    expect((await next.caller.checkout.quote({ discountCode: code.code })).discount).toMatchObject({
      applies: false,
    });

    // Past its hold, the settlement job expires it (as in tests/payments.test.ts).
    await database.db
      .update(orders)
      .set({ paymentDueAt: new Date(Date.now() - 1_000) })
      .where(eq(orders.id, order.id));
    expect(await settleUnpaidOrder(database.db, testProvider(database.db), order.id)).toBe("expired");
    expect(await usageOf(code.id)).toEqual({ timesUsed: 0, redemptions: 0 });

    const again = await placeWith(next, code.code);
    expect(again.order).toMatchObject({ discountCode: code.code, discountCents: 400 });
    expect(await usageOf(code.id)).toEqual({ timesUsed: 1, redemptions: 1 });
  });

  it("a cancelled order gives its use back, to the code and to the buyer", async () => {
    const code = await createCode({ usageLimit: 1, perCustomerLimit: 1 });
    const who = await shopper();
    const { order } = await placeWith(who, code.code);
    expect(await usageOf(code.id)).toEqual({ timesUsed: 1, redemptions: 1 });

    expect((await who.caller.orders.cancel({ id: order.id })).status).toBe("cancelled");
    expect(await usageOf(code.id)).toEqual({ timesUsed: 0, redemptions: 0 });
    // Cancelling again is refused and gives nothing back twice.
    expect((await rejectionOf(who.caller.orders.cancel({ id: order.id }))).code).toBe("CONFLICT");
    expect(await usageOf(code.id)).toEqual({ timesUsed: 0, redemptions: 0 });

    const again = await placeWith(await shopper({ buyer: who.buyer }), code.code);
    expect(again.order).toMatchObject({ discountCode: code.code, discountCents: 400 });
    expect(await usageOf(code.id)).toEqual({ timesUsed: 1, redemptions: 1 });
  });
});
