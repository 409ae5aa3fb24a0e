import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { CreateDiscountInput } from "@/lib/contracts/discounts";
import { auditLog, discountCodes, users } from "@/server/db/schema";
import type { Actor } from "@/server/domain/actor";
import { discountStatus } from "@/server/domain/discounts/discount-status";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { callerFor, createCustomer, expectTrpcError } from "./support/callers";
import { restCall } from "./support/rest";
import { checkoutWith } from "./support/shipping";
import { insertProduct } from "./support/shop-fixtures";

let database: TestDatabase;
let admin: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  const customer = await createCustomer(database.db, { name: "Discounts Admin" });
  const [promoted] = await database.db
    .update(users)
    .set({ role: "admin" })
    .where(eq(users.id, customer.id))
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
  if (!promoted) throw new Error("no admin");
  admin = promoted;
});

afterAll(() => database.dispose());

const asAdmin = () => callerFor(database.db, admin).admin.discounts;

/** A fresh code per test, so tests never share one. */
function uniqueCode(prefix = "TEST"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`.toUpperCase();
}

function newCode(overrides: Partial<CreateDiscountInput> = {}): CreateDiscountInput {
  return { code: uniqueCode(), description: "", kind: "percent", value: 10, minSubtotalCents: 0, ...overrides };
}

async function auditRows(action: "discount.created" | "discount.paused" | "discount.resumed", targetId: string) {
  return database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)));
}

async function auditCount(): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(auditLog);
  return row?.n ?? 0;
}

/** The messages zod gave for one field of a refused input. */
async function messagesFor(promise: Promise<unknown>, field: string): Promise<string[]> {
  const error = await expectTrpcError(promise, "BAD_REQUEST");
  expect(error.cause).toBeInstanceOf(ZodError);
  return (error.cause as ZodError).issues
    .filter((issue) => issue.path.join(".") === field)
    .map((issue) => issue.message);
}

/** A customer buys one product with the code; the order awaits payment, holding one use. */
async function orderWithCode(code: string, priceCents = 4_000) {
  const buyer = await createCustomer(database.db);
  const product = await insertProduct(database.db, { stock: 5, priceCents });
  const caller = callerFor(database.db, buyer);
  await caller.cart.setItem({ productId: product.id, quantity: 1 });
  const placed = await caller.checkout.placeOrder(checkoutWith(randomUUID(), { discountCode: code.toLowerCase() }));
  return { buyer, order: placed.order };
}

describe("admin.discounts.create", () => {
  it("creates a code upper-cased and active with no usage, audited with who, when and from where", async () => {
    const code = uniqueCode("spring");
    const created = await asAdmin().create(
      newCode({ code: `  ${code.toLowerCase()} `, description: "Spring newsletter", usageLimit: 100 }),
    );
    expect(created).toMatchObject({
      code,
      description: "Spring newsletter",
      kind: "percent",
      value: 10,
      status: "active",
      pausedAt: null,
      usage: { timesUsed: 0, usageLimit: 100, redemptions: 0, discountCents: 0 },
    });
    const [row] = await auditRows("discount.created", created.id);
    expect(row).toMatchObject({ actorId: admin.id, actorEmail: admin.email, targetType: "discount" });
    expect(row?.summary).toMatchObject({ after: { code, kind: "percent", value: 10, usageLimit: 100 } });
    expect(row?.requestId).toBeTruthy();
    expect(row?.clientIp).toBeTruthy();
  });

  it("says what is wrong with a code, a value for its kind, the dates and the limits", async () => {
    expect(await messagesFor(asAdmin().create(newCode({ code: "ab" })), "code")).toEqual([
      "A code has at least 3 characters",
    ]);
    expect(await messagesFor(asAdmin().create(newCode({ code: "summer sale" })), "code")).toEqual([
      "Use only letters A–Z, digits, - and _ (no spaces)",
    ]);
    expect(await messagesFor(asAdmin().create(newCode({ code: "X".repeat(41) })), "code")).toEqual([
      "A code has at most 40 characters",
    ]);
    for (const value of [0, 101]) {
      expect(await messagesFor(asAdmin().create(newCode({ kind: "percent", value })), "value")).toEqual([
        "A percentage is a whole number from 1 to 100",
      ]);
    }
    expect(await messagesFor(asAdmin().create(newCode({ kind: "fixed", value: 0 })), "value")).toEqual([
      "A fixed amount is more than 0 cents",
    ]);
    expect(await messagesFor(asAdmin().create(newCode({ value: 2.5 })), "value")).toEqual([
      "Use a whole number: a percent, or cents",
    ]);
    expect(await messagesFor(asAdmin().create(newCode({ minSubtotalCents: -1 })), "minSubtotalCents")).toEqual([
      "The minimum subtotal cannot be negative",
    ]);
    const dates = { startsAt: "2026-06-01T00:00:00.000Z", endsAt: "2026-05-01T00:00:00.000Z" };
    expect(await messagesFor(asAdmin().create(newCode(dates)), "endsAt")).toEqual(["The end must be after the start"]);
    expect(await messagesFor(asAdmin().create(newCode({ endsAt: "next week" })), "endsAt")).toEqual([
      "Enter the end as a date and time, e.g. 2026-12-01T09:00:00Z",
    ]);
    expect(await messagesFor(asAdmin().create(newCode({ startsAt: "0000-01-01T00:00:00Z" })), "startsAt")).toEqual([
      "The start must be between the years 2000 and 9998",
    ]);
    expect(await messagesFor(asAdmin().create(newCode({ usageLimit: 0 })), "usageLimit")).toEqual([
      "At least 1; leave it out for no limit",
    ]);
    expect(
      await messagesFor(asAdmin().create(newCode({ usageLimit: 2, perCustomerLimit: 3 })), "perCustomerLimit"),
    ).toEqual(["The limit per customer cannot be more than the usage limit"]);
  });

  it("accepts a fixed amount in cents with its limits and dates", async () => {
    const startsAt = new Date(Date.now() + 86_400_000).toISOString();
    const created = await asAdmin().create(
      newCode({ kind: "fixed", value: 500, minSubtotalCents: 2_500, startsAt, perCustomerLimit: 1 }),
    );
    expect(created).toMatchObject({
      kind: "fixed",
      value: 500,
      minSubtotalCents: 2_500,
      startsAt,
      endsAt: null,
      perCustomerLimit: 1,
      status: "scheduled",
    });
  });

  it("refuses a code that exists already, whatever its case, with CONFLICT, and writes nothing", async () => {
    const code = uniqueCode("dup");
    await asAdmin().create(newCode({ code }));
    const before = await auditCount();
    const error = await expectTrpcError(asAdmin().create(newCode({ code: code.toLowerCase() })), "CONFLICT");
    expect(error.message).toBe(`There is already a discount code ${code}. Choose another code.`);
    expect(await auditCount()).toBe(before);
    const all = await asAdmin().list({ limit: 100 });
    expect(all.items.filter((item) => item.code === code)).toHaveLength(1);
  });
});

describe("admin.discounts.list and byId", () => {
  it("shows each code's usage: uses held, orders, and how much was taken off", async () => {
    const created = await asAdmin().create(newCode({ code: uniqueCode("usage"), value: 25, usageLimit: 5 }));
    const first = await orderWithCode(created.code, 4_000);
    const second = await orderWithCode(created.code, 2_000);

    const listed = (await asAdmin().list({ limit: 100 })).items.find((item) => item.id === created.id);
    expect(listed?.usage).toEqual({ timesUsed: 2, usageLimit: 5, redemptions: 2, discountCents: 1_000 + 500 });
    expect(listed?.status).toBe("active");

    const detail = await asAdmin().byId({ id: created.id });
    expect(detail.discount.usage.redemptions).toBe(2);
    expect(detail.redemptions.map((redemption) => redemption.orderId).sort()).toEqual(
      [first.order.id, second.order.id].sort(),
    );
    const firstRedemption = detail.redemptions.find((redemption) => redemption.orderId === first.order.id);
    expect(firstRedemption).toMatchObject({ email: first.buyer.email.toLowerCase(), discountCents: 1_000 });
    expect(Date.parse(firstRedemption?.createdAt ?? "")).not.toBeNaN();

    // A cancelled order gives its use back, and its discount no longer counts.
    await callerFor(database.db, first.buyer).orders.cancel({ id: first.order.id });
    const after = await asAdmin().byId({ id: created.id });
    expect(after.discount.usage).toEqual({ timesUsed: 1, usageLimit: 5, redemptions: 1, discountCents: 500 });
  });

  it("derives the status: scheduled, ended, used up", async () => {
    const hour = 3_600_000;
    const scheduled = await asAdmin().create(newCode({ startsAt: new Date(Date.now() + hour).toISOString() }));
    const ended = await asAdmin().create(
      newCode({
        startsAt: new Date(Date.now() - 2 * hour).toISOString(),
        endsAt: new Date(Date.now() - hour).toISOString(),
      }),
    );
    const single = await asAdmin().create(newCode({ usageLimit: 1 }));
    await orderWithCode(single.code);
    const statuses = new Map((await asAdmin().list({ limit: 100 })).items.map((item) => [item.id, item.status]));
    expect(statuses.get(scheduled.id)).toBe("scheduled");
    expect(statuses.get(ended.id)).toBe("ended");
    expect(statuses.get(single.id)).toBe("used_up");
  });

  it("lists newest first, a page at a time", async () => {
    const older = await asAdmin().create(newCode());
    const newer = await asAdmin().create(newCode());
    // Ahead of every other test's codes, and never in the same millisecond.
    for (const [id, aheadMs] of [
      [older.id, 30_000],
      [newer.id, 60_000],
    ] as const) {
      await database.db
        .update(discountCodes)
        .set({ createdAt: new Date(Date.now() + aheadMs) })
        .where(eq(discountCodes.id, id));
    }
    const firstPage = await asAdmin().list({ limit: 1 });
    expect(firstPage.items.map((item) => item.id)).toEqual([newer.id]);
    expect(firstPage.nextCursor).not.toBeNull();
    const secondPage = await asAdmin().list({ limit: 1, cursor: firstPage.nextCursor ?? undefined });
    expect(secondPage.items.map((item) => item.id)).toEqual([older.id]);
    await expectTrpcError(asAdmin().list({ limit: 5, cursor: "not-a-cursor" }), "BAD_REQUEST");
  });

  it("answers NOT_FOUND for a code that does not exist", async () => {
    await expectTrpcError(asAdmin().byId({ id: randomUUID() }), "NOT_FOUND");
    await expectTrpcError(asAdmin().pause({ id: randomUUID() }), "NOT_FOUND");
  });
});

describe("a code's status", () => {
  const now = new Date("2026-06-15T12:00:00.000Z");
  const code = { pausedAt: null, startsAt: null, endsAt: null, usageLimit: null, timesUsed: 0 };
  const before = new Date("2026-06-01T00:00:00.000Z");
  const after = new Date("2026-07-01T00:00:00.000Z");

  it.each([
    ["no dates, no limit", "active", code],
    ["from its start, to the millisecond", "active", { ...code, startsAt: now }],
    ["before its start", "scheduled", { ...code, startsAt: after }],
    ["at its end, to the millisecond", "ended", { ...code, endsAt: now }],
    ["paused", "paused", { ...code, pausedAt: before }],
    ["every use taken", "used_up", { ...code, usageLimit: 3, timesUsed: 3 }],
    ["paused after its end", "ended", { ...code, pausedAt: before, endsAt: before }],
    ["paused with every use taken", "used_up", { ...code, pausedAt: before, usageLimit: 1, timesUsed: 1 }],
    ["paused before its start", "paused", { ...code, pausedAt: before, startsAt: after }],
  ] as const)("%s is %s", (_label, expected, facts) => {
    expect(discountStatus(facts, now)).toBe(expected);
  });
});

describe("admin.discounts.pause and resume", () => {
  it("pauses a code so checkout refuses it, resumes it so checkout takes it again, each audited once", async () => {
    const created = await asAdmin().create(newCode({ code: uniqueCode("pause") }));
    const paused = await asAdmin().pause({ id: created.id });
    expect(paused.status).toBe("paused");
    expect(paused.pausedAt).not.toBeNull();
    expect(await auditRows("discount.paused", created.id)).toHaveLength(1);

    const error = await expectTrpcError(orderWithCode(created.code), "UNPROCESSABLE_CONTENT");
    expect(error.message).toBe(`The code ${created.code} is not active at the moment.`);

    // Asking again changes nothing and records nothing.
    expect((await asAdmin().pause({ id: created.id })).pausedAt).toBe(paused.pausedAt);
    expect(await auditRows("discount.paused", created.id)).toHaveLength(1);

    const resumed = await asAdmin().resume({ id: created.id });
    expect(resumed).toMatchObject({ status: "active", pausedAt: null });
    const [row] = await auditRows("discount.resumed", created.id);
    expect(row).toMatchObject({ actorId: admin.id, summary: { code: created.code, after: { paused: false } } });
    await asAdmin().resume({ id: created.id });
    expect(await auditRows("discount.resumed", created.id)).toHaveLength(1);

    const { order } = await orderWithCode(created.code, 1_000);
    expect(order).toMatchObject({ discountCode: created.code, discountCents: 100 });
  });
});

describe("who may manage discount codes", () => {
  it("refuses customers (FORBIDDEN) and anonymous callers (UNAUTHORIZED), and writes nothing for them", async () => {
    const created = await asAdmin().create(newCode());
    const before = await auditCount();
    const customer = callerFor(database.db, await createCustomer(database.db)).admin.discounts;
    const anonymous = callerFor(database.db, null).admin.discounts;
    for (const [caller, code] of [
      [customer, "FORBIDDEN"],
      [anonymous, "UNAUTHORIZED"],
    ] as const) {
      await expectTrpcError(caller.list({ limit: 5 }), code);
      await expectTrpcError(caller.byId({ id: created.id }), code);
      await expectTrpcError(caller.create(newCode()), code);
      await expectTrpcError(caller.pause({ id: created.id }), code);
      await expectTrpcError(caller.resume({ id: created.id }), code);
    }
    expect(await auditCount()).toBe(before);
    expect((await asAdmin().byId({ id: created.id })).discount.status).toBe("active");
  });
});

describe("the REST twins under /admin/discounts", () => {
  it("creates with 201 and a Location, reads, pauses; a token without the admin scope gets 403", async () => {
    const caller = callerFor(database.db, admin);
    const { token } = await caller.account.tokens.create({ name: "discounts", scopes: ["admin"], expiresInDays: 1 });
    const { token: reader } = await caller.account.tokens.create({
      name: "reader",
      scopes: ["read"],
      expiresInDays: 1,
    });
    const code = uniqueCode("rest");
    const created = await restCall(database.db, "POST", "/admin/discounts", {
      token,
      body: { code, kind: "fixed", value: 300 },
    });
    expect(created.status).toBe(201);
    const id = (created.json as { id: string }).id;
    expect(created.headers.get("location")).toBe(`/api/v1/admin/discounts/${id}`);

    const read = await restCall(database.db, "GET", `/admin/discounts/${id}`, { token });
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ discount: { code, kind: "fixed", value: 300 }, redemptions: [] });

    const listed = await restCall(database.db, "GET", "/admin/discounts?limit=100", { token });
    expect((listed.json as { items: { id: string }[] }).items.map((item) => item.id)).toContain(id);

    const paused = await restCall(database.db, "POST", `/admin/discounts/${id}/pause`, { token });
    expect(paused.status).toBe(200);
    expect(paused.json).toMatchObject({ status: "paused" });

    const invalid = await restCall(database.db, "POST", "/admin/discounts", {
      token,
      body: { code: "no", kind: "percent", value: 150 },
    });
    expect(invalid.status).toBe(400);
    expect((invalid.json as { issues: { path: string }[] }).issues.map((issue) => issue.path).sort()).toEqual([
      "code",
      "value",
    ]);

    expect((await restCall(database.db, "GET", "/admin/discounts", { token: reader })).status).toBe(403);
  });
});
