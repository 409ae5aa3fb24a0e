import { randomUUID } from "node:crypto";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, events, orders, payments, products, users } from "@/server/db/schema";
import type { Actor } from "@/server/domain/actor";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { callerFor, createCustomer, expectTrpcError } from "./support/callers";
import { buyAs } from "./support/purchases";
import { insertProduct } from "./support/shop-fixtures";

/**
 * An admin change and its audit row are one transaction: if the transaction
 * fails after the audit row is written (here the database itself refuses it
 * at commit, with a deferred trigger), neither the change, nor the audit row,
 * nor its outbox event remains.
 */

let database: TestDatabase;
let admin: Actor;
let customer: Actor;
let product: { id: string };
let paidOrderId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  customer = await createCustomer(database.db);
  const promoted = await createCustomer(database.db, { name: "Audited Admin" });
  await database.db.update(users).set({ role: "admin" }).where(eq(users.id, promoted.id));
  admin = { ...promoted, role: "admin" };
  product = await insertProduct(database.db, { stock: 5 });
  paidOrderId = (await buyAs(database.db, customer, product.id)).id;

  await database.db.execute(sql`
    create function refuse_audit_at_commit() returns trigger language plpgsql as $$
    begin raise exception 'the audit log refuses this row at commit'; end $$`);
  await database.db.execute(sql`
    create constraint trigger audit_refused_at_commit after insert on audit_log
    deferrable initially deferred for each row execute function refuse_audit_at_commit()`);
});

afterAll(() => database.dispose());

async function snapshot() {
  const [audit] = await database.db.select({ n: count() }).from(auditLog);
  const [outbox] = await database.db.select({ n: count() }).from(events);
  const paymentRows = await database.db.select({ id: payments.id, status: payments.status }).from(payments);
  const productRows = await database.db.select().from(products).orderBy(products.id);
  const orderRows = await database.db.select({ id: orders.id, status: orders.status }).from(orders);
  const userRows = await database.db
    .select({ id: users.id, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .orderBy(users.id);
  return { audit: audit?.n, outbox: outbox?.n, productRows, orderRows, paymentRows, userRows };
}

const asAdmin = () => callerFor(database.db, admin).admin;

const changes: Record<string, () => Promise<unknown>> = {
  "products.create": () =>
    asAdmin().products.create({
      name: "Never Made",
      slug: `never-made-${randomUUID().slice(0, 8)}`,
      description: "Rolled back with its audit row.",
      priceCents: 1200,
      stock: 3,
    }),
  "products.update": () => asAdmin().products.update({ id: product.id, priceCents: 9900 }),
  "products.archive": () => asAdmin().products.archive({ id: product.id }),
  "inventory.adjust": () => asAdmin().inventory.adjust({ productId: product.id, delta: 10, reason: "Recount" }),
  "orders.setStatus": () => asAdmin().orders.setStatus({ id: paidOrderId, status: "shipped" }),
  "orders.cancel": () => asAdmin().orders.cancel({ id: paidOrderId, reason: "Out of stock at the warehouse" }),
  "users.setRole": () => asAdmin().users.setRole({ userId: customer.id, role: "admin" }),
  "users.setDisabled": () => asAdmin().users.setDisabled({ userId: customer.id, disabled: true }),
};

describe("an admin change whose transaction fails after its audit row", () => {
  for (const [name, change] of Object.entries(changes)) {
    it(`admin.${name} leaves no change, no audit row and no event`, async () => {
      const before = await snapshot();
      await expectTrpcError(change(), "INTERNAL_SERVER_ERROR");
      expect(await snapshot()).toEqual(before);
    });
  }
});
