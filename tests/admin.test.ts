import { randomUUID } from "node:crypto";
import { and, count, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GENERAL_CATEGORY_ID } from "@/lib/general-category";
import { auditLog, categories, events, orderStatusHistory, users } from "@/server/db/schema";
import type { Actor } from "@/server/domain/actor";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { callerFor, createCustomer, expectTrpcError } from "./support/callers";
import { sessionCookieFor } from "./support/sessions";
import { buyAs, placeUnpaid } from "./support/purchases";
import { insertProduct, stockOf } from "./support/shop-fixtures";

let database: TestDatabase;
let admin: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  const customer = await createCustomer(database.db, { name: "First Admin" });
  const [promoted] = await database.db
    .update(users)
    .set({ role: "admin" })
    .where(eq(users.id, customer.id))
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
  if (!promoted) throw new Error("no admin");
  admin = promoted;
});

afterAll(() => database.dispose());

const asAdmin = () => callerFor(database.db, admin);

async function auditRows(action: string, targetId: string) {
  return database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action as "product.created"), eq(auditLog.targetId, targetId)))
    .orderBy(desc(auditLog.id));
}

async function auditCount(): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(auditLog);
  return row?.n ?? 0;
}

async function paidOrder(stock = 10) {
  const buyer = await createCustomer(database.db);
  const product = await insertProduct(database.db, { stock });
  const order = await buyAs(database.db, buyer, product.id);
  return { buyer, product, order };
}

const newProduct = (overrides: Partial<{ slug: string; priceCents: number; stock: number }> = {}) => ({
  name: "Walnut Tray",
  slug: overrides.slug ?? `walnut-tray-${randomUUID().slice(0, 8)}`,
  description: "Oiled walnut, 30 cm.",
  priceCents: overrides.priceCents ?? 4500,
  stock: overrides.stock ?? 7,
});

describe("admin.products", () => {
  it("creates a product that the catalog shows, audited with the request's id and address", async () => {
    const input = newProduct();
    const created = await asAdmin().admin.products.create(input);
    expect(created).toMatchObject({ slug: input.slug, priceCents: 4500, stock: 7, active: true });
    expect((await callerFor(database.db, null).catalog.bySlug({ slug: input.slug })).id).toBe(created.id);
    const [row] = await auditRows("product.created", created.id);
    expect(row).toMatchObject({ actorId: admin.id, actorEmail: admin.email });
    expect(row?.requestId).toBeTruthy();
    expect(row?.clientIp).toBeTruthy();
  });

  it("puts a product in the category chosen (General when none is), moves it, and refuses one that does not exist", async () => {
    const [kitchen] = await database.db
      .insert(categories)
      .values({ slug: `kitchen-${randomUUID().slice(0, 8)}`, name: "Kitchen" })
      .returning();
    const plain = await asAdmin().admin.products.create(newProduct());
    expect(plain.categoryId).toBe(GENERAL_CATEGORY_ID);
    const placed = await asAdmin().admin.products.create({ ...newProduct(), categoryId: kitchen?.id });
    expect(placed.categoryId).toBe(kitchen?.id);
    const moved = await asAdmin().admin.products.update({ id: plain.id, categoryId: kitchen?.id });
    expect(moved.categoryId).toBe(kitchen?.id);

    const input = newProduct();
    await expectTrpcError(asAdmin().admin.products.create({ ...input, categoryId: randomUUID() }), "BAD_REQUEST");
    await expectTrpcError(asAdmin().admin.products.update({ id: plain.id, categoryId: randomUUID() }), "BAD_REQUEST");
    await expectTrpcError(callerFor(database.db, null).catalog.bySlug({ slug: input.slug }), "NOT_FOUND");
    expect((await asAdmin().admin.products.byId({ id: plain.id })).categoryId).toBe(kitchen?.id);
  });

  it("gives a product made without a picture a drawn one in the shop, and keeps the admin's field empty", async () => {
    const input = newProduct();
    const created = await asAdmin().admin.products.create(input);
    expect(created.imageUrl).toBeNull();
    expect((await callerFor(database.db, null).catalog.bySlug({ slug: input.slug })).imageUrl).toBe(
      `/pictures/${input.slug}.svg`,
    );
    // "//host/…" is another site's address, not a path on this one.
    await expectTrpcError(
      asAdmin().admin.products.update({ id: created.id, imageUrl: "//img.example/w.png" }),
      "BAD_REQUEST",
    );
    const withOwn = await asAdmin().admin.products.update({ id: created.id, imageUrl: "https://img.example/w.png" });
    expect(withOwn.imageUrl).toBe("https://img.example/w.png");
    expect((await callerFor(database.db, null).catalog.bySlug({ slug: input.slug })).imageUrl).toBe(
      "https://img.example/w.png",
    );
  });

  it("refuses a slug that is taken with CONFLICT, and writes nothing, not even an audit row", async () => {
    const input = newProduct();
    await asAdmin().admin.products.create(input);
    const before = await auditCount();
    await expectTrpcError(asAdmin().admin.products.create({ ...input, name: "Another" }), "CONFLICT");
    expect(await auditCount()).toBe(before);
  });

  it("refuses a taken slug on update too", async () => {
    const first = await asAdmin().admin.products.create(newProduct());
    const second = await asAdmin().admin.products.create(newProduct());
    await expectTrpcError(asAdmin().admin.products.update({ id: second.id, slug: first.slug }), "CONFLICT");
  });

  it("validates price and stock like the form does", async () => {
    await expectTrpcError(asAdmin().admin.products.create(newProduct({ priceCents: -1 })), "BAD_REQUEST");
    await expectTrpcError(asAdmin().admin.products.create(newProduct({ stock: 1.5 })), "BAD_REQUEST");
  });

  it("records what an update changed, before and after", async () => {
    const created = await asAdmin().admin.products.create(newProduct());
    const updated = await asAdmin().admin.products.update({ id: created.id, priceCents: 5000, name: "Walnut Tray L" });
    expect(updated).toMatchObject({ priceCents: 5000, name: "Walnut Tray L" });
    const [row] = await auditRows("product.updated", created.id);
    expect(row?.summary).toEqual({
      before: { priceCents: 4500, name: "Walnut Tray" },
      after: { priceCents: 5000, name: "Walnut Tray L" },
    });
  });

  it("archives: the product leaves the catalog but stays on past orders", async () => {
    const { buyer, product, order } = await paidOrder();
    await asAdmin().admin.products.archive({ id: product.id });
    await expectTrpcError(callerFor(database.db, null).catalog.bySlug({ slug: product.slug }), "NOT_FOUND");
    const kept = await callerFor(database.db, buyer).orders.byId({ id: order.id });
    expect(kept.items.map((item) => item.productId)).toEqual([product.id]);
    const listed = await asAdmin().admin.products.list({ q: product.name, limit: 5 });
    expect(listed.items.find((item) => item.id === product.id)?.active).toBe(false);
  });

  it("tells every instance when a product's page changes: a product.changed event on edit and archive", async () => {
    const product = await insertProduct(database.db, { stock: 4 });
    const productEvents = () =>
      database.db
        .select({ payload: events.payload })
        .from(events)
        .where(eq(events.topic, "product.changed"))
        .orderBy(events.id);
    const before = (await productEvents()).length;
    await asAdmin().admin.products.update({ id: product.id, name: product.name });
    expect((await productEvents()).length).toBe(before);
    await asAdmin().admin.products.update({ id: product.id, priceCents: 1234 });
    await asAdmin().admin.products.archive({ id: product.id });
    await asAdmin().admin.products.archive({ id: product.id });
    expect((await productEvents()).slice(before)).toEqual([
      { payload: { productId: product.id } },
      { payload: { productId: product.id } },
    ]);
  });
});

describe("admin.inventory.adjust", () => {
  it("changes stock by a delta with a reason, audited, and tells live clients", async () => {
    const product = await insertProduct(database.db, { stock: 3 });
    const adjusted = await asAdmin().admin.inventory.adjust({ productId: product.id, delta: 20, reason: "Delivery" });
    expect(adjusted.stock).toBe(23);
    const [row] = await auditRows("inventory.adjusted", product.id);
    expect(row?.summary).toEqual({ before: { stock: 3 }, after: { stock: 23 }, delta: 20, reason: "Delivery" });
    const [event] = await database.db
      .select()
      .from(events)
      .where(eq(events.topic, "stock.changed"))
      .orderBy(desc(events.id))
      .limit(1);
    expect(event?.payload).toEqual({ productId: product.id, stock: 23 });
  });

  it("never goes below zero: CONFLICT, and nothing changes", async () => {
    const product = await insertProduct(database.db, { stock: 2 });
    const before = await auditCount();
    await expectTrpcError(
      asAdmin().admin.inventory.adjust({ productId: product.id, delta: -3, reason: "Breakage" }),
      "CONFLICT",
    );
    expect(await stockOf(database.db, product.id)).toBe(2);
    expect(await auditCount()).toBe(before);
  });

  it("refuses a zero change and a missing reason", async () => {
    const product = await insertProduct(database.db, { stock: 2 });
    await expectTrpcError(
      asAdmin().admin.inventory.adjust({ productId: product.id, delta: 0, reason: "x" }),
      "BAD_REQUEST",
    );
    await expectTrpcError(
      asAdmin().admin.inventory.adjust({ productId: product.id, delta: 1, reason: " " }),
      "BAD_REQUEST",
    );
  });
});

describe("admin.orders", () => {
  it("moves an order paid → shipped → delivered, with history, audit and a live event for its owner", async () => {
    const { buyer, order } = await paidOrder();
    const shipped = await asAdmin().admin.orders.setStatus({ id: order.id, status: "shipped" });
    expect(shipped).toMatchObject({ id: order.id, status: "shipped", customer: { id: buyer.id } });
    await asAdmin().admin.orders.setStatus({ id: order.id, status: "delivered" });
    const history = await database.db
      .select({ from: orderStatusHistory.fromStatus, to: orderStatusHistory.toStatus })
      .from(orderStatusHistory)
      .where(eq(orderStatusHistory.orderId, order.id))
      .orderBy(orderStatusHistory.id);
    expect(history.slice(-2)).toEqual([
      { from: "paid", to: "shipped" },
      { from: "shipped", to: "delivered" },
    ]);
    const statusEvents = await database.db
      .select({ ownerId: events.ownerId, payload: events.payload })
      .from(events)
      .where(eq(events.topic, "order.status"))
      .orderBy(desc(events.id))
      .limit(2);
    expect(statusEvents).toEqual([
      { ownerId: buyer.id, payload: { orderId: order.id, status: "delivered" } },
      { ownerId: buyer.id, payload: { orderId: order.id, status: "shipped" } },
    ]);
    expect(await auditRows("order.status_changed", order.id)).toHaveLength(2);
    expect((await callerFor(database.db, buyer).orders.byId({ id: order.id })).status).toBe("delivered");
  });

  it("refuses every other move with CONFLICT, changing nothing", async () => {
    const { product, buyer: waiting } = await paidOrder();
    const { order: unpaid } = await placeUnpaid(database.db, waiting, product.id);
    await expectTrpcError(asAdmin().admin.orders.setStatus({ id: unpaid.id, status: "shipped" }), "CONFLICT");
    expect((await callerFor(database.db, waiting).orders.byId({ id: unpaid.id })).status).toBe("awaiting_payment");
    const { buyer, order } = await paidOrder();
    await expectTrpcError(asAdmin().admin.orders.setStatus({ id: order.id, status: "delivered" }), "CONFLICT");
    await callerFor(database.db, buyer).orders.cancel({ id: order.id });
    const before = await auditCount();
    await expectTrpcError(asAdmin().admin.orders.setStatus({ id: order.id, status: "shipped" }), "CONFLICT");
    expect(await auditCount()).toBe(before);
    const { order: second } = await paidOrder();
    await asAdmin().admin.orders.setStatus({ id: second.id, status: "shipped" });
    await expectTrpcError(asAdmin().admin.orders.setStatus({ id: second.id, status: "shipped" }), "CONFLICT");
    await expectTrpcError(asAdmin().admin.orders.setStatus({ id: randomUUID(), status: "shipped" }), "NOT_FOUND");
  });

  it("lists every customer's orders, filtered by status, one keyset page at a time", async () => {
    const placed = [await paidOrder(), await paidOrder(), await paidOrder()];
    await asAdmin().admin.orders.setStatus({ id: placed[0]!.order.id, status: "shipped" });
    const shipped = await asAdmin().admin.orders.list({ status: "shipped", limit: 50 });
    expect(shipped.items.every((order) => order.status === "shipped")).toBe(true);
    expect(shipped.items.map((order) => order.id)).toContain(placed[0]!.order.id);
    const first = await asAdmin().admin.orders.list({ limit: 2 });
    const second = await asAdmin().admin.orders.list({ limit: 2, cursor: first.nextCursor ?? undefined });
    expect(first.items).toHaveLength(2);
    expect(new Set([...first.items, ...second.items].map((order) => order.id)).size).toBe(
      first.items.length + second.items.length,
    );
  });
});

describe("admin.users", () => {
  it("cannot demote the last administrator", async () => {
    const admins = await database.db.select({ id: users.id }).from(users).where(eq(users.role, "admin"));
    expect(admins).toHaveLength(1);
    await expectTrpcError(asAdmin().admin.users.setRole({ userId: admin.id, role: "customer" }), "CONFLICT");
  });

  it("counts only active administrators: with the only other one disabled, the last active one stays", async () => {
    const colleague = await createCustomer(database.db, { name: "Disabled Colleague" });
    await asAdmin().admin.users.setRole({ userId: colleague.id, role: "admin" });
    await asAdmin().admin.users.setDisabled({ userId: colleague.id, disabled: true });
    await expectTrpcError(asAdmin().admin.users.setRole({ userId: admin.id, role: "customer" }), "CONFLICT");
    // Demoting the disabled one takes no active administrator away.
    const demoted = await asAdmin().admin.users.setRole({ userId: colleague.id, role: "customer" });
    expect(demoted.role).toBe("customer");
    expect((await callerFor(database.db, admin).account.me()).role).toBe("admin");
  });

  it("promotes and demotes, audited; a demoted admin is refused on the very next request", async () => {
    const colleague = await createCustomer(database.db, { name: "Colleague" });
    await asAdmin().admin.users.setRole({ userId: colleague.id, role: "admin" });
    const { cookie } = await sessionCookieFor(database.db, colleague.id);
    const colleagueSession = () => callerFor(database.db, null, { headers: new Headers({ cookie }) });
    expect((await colleagueSession().admin.users.list({ limit: 1 })).items).toHaveLength(1);

    await asAdmin().admin.users.setRole({ userId: colleague.id, role: "customer" });
    await expectTrpcError(colleagueSession().admin.users.list({ limit: 1 }), "FORBIDDEN");
    expect((await colleagueSession().account.me()).role).toBe("customer");
    const rows = await auditRows("user.role_changed", colleague.id);
    expect(rows.map((row) => row.summary.after)).toEqual([{ role: "customer" }, { role: "admin" }]);
  });

  it("lists accounts without their password hashes, searchable", async () => {
    const person = await createCustomer(database.db, { name: "Findable Person" });
    const found = await asAdmin().admin.users.list({ q: "Findable", limit: 5 });
    expect(found.items.map((user) => user.id)).toEqual([person.id]);
    expect(JSON.stringify(found)).not.toMatch(/argon2|passwordHash/);
  });
});

describe("admin.audit.list", () => {
  it("filters by action and by actor, newest first", async () => {
    const product = await insertProduct(database.db, { stock: 1 });
    await asAdmin().admin.inventory.adjust({ productId: product.id, delta: 1, reason: "Found one" });
    const byAction = await asAdmin().admin.audit.list({ action: "inventory.adjusted", limit: 100 });
    expect(byAction.items.every((entry) => entry.action === "inventory.adjusted")).toBe(true);
    expect(byAction.items[0]?.targetId).toBe(product.id);
    const byActor = await asAdmin().admin.audit.list({ actor: admin.id, limit: 2 });
    expect(byActor.items.every((entry) => entry.actorId === admin.id)).toBe(true);
    const next = await asAdmin().admin.audit.list({
      actor: admin.id,
      limit: 2,
      cursor: byActor.nextCursor ?? undefined,
    });
    expect(next.items[0]?.id).toBeLessThan(byActor.items[1]?.id ?? 0);
  });
});

describe("admin.dashboard", () => {
  it("sums paid revenue per day, leaves unpaid and cancelled orders out, and lists low stock", async () => {
    const before = await asAdmin().admin.dashboard();
    const waiting = await createCustomer(database.db);
    await placeUnpaid(database.db, waiting, (await insertProduct(database.db, { stock: 10 })).id);
    const { buyer, order } = await paidOrder(3);
    const { order: cancelled, buyer: other } = await paidOrder(30);
    await callerFor(database.db, other).orders.cancel({ id: cancelled.id });
    const after = await asAdmin().admin.dashboard();
    expect(after.days).toHaveLength(14);
    expect(after.totals.revenueCents - before.totals.revenueCents).toBe(order.totalCents);
    expect(after.days.at(-1)?.orders).toBe((before.days.at(-1)?.orders ?? 0) + 1);
    expect(after.recentOrders[0]?.customer.id).toBe(other.id);
    expect(after.lowStock.some((product) => product.stock <= 5)).toBe(true);
    expect(buyer.id).toBeTruthy();
  });
});
