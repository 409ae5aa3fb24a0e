import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatMoney } from "@/lib/money";
import { selectRows } from "@/server/db/rows";
import { events, mailboxMessages, orders, sentMail, users } from "@/server/db/schema";
import { settleUnpaidOrder } from "@/server/domain/payments/settle-unpaid-order";
import { mailOrderEvent } from "@/server/jobs/handlers/order-event-mail";
import { jobDataSchemas, type JobData } from "@/server/queue/job-data";
import { unsubscribeToken, userIdFromUnsubscribeToken } from "@/server/mail/unsubscribe-token";
import { callerFor } from "./support/callers";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { payPlacedOrder, settleRefunds, testProvider } from "./support/payments";
import { buyAs, oneCustomer, placeUnpaid } from "./support/purchases";
import { shipTo } from "./support/shipping";
import { insertCustomers, insertProduct } from "./support/shop-fixtures";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(() => database.dispose());

/** The order-event jobs queued so far for this order, oldest first. */
async function orderEventJobs(orderId: string): Promise<JobData<"mail.order-event">[]> {
  const rows = await selectRows<{ data: unknown }>(
    database.db,
    sql`select data from pgboss.job where name = 'mail.order-event' and data->>'orderId' = ${orderId}
        order by (data->>'eventId')::bigint`,
  );
  return rows.map((row) => jobDataSchemas["mail.order-event"].parse(row.data));
}

/** A row of a mail's plain-text table: the label, then its amount at the end of the line. */
function row(label: string, amount: string): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${escape(label)} +${escape(amount)}$`, "m");
}

async function mailsTo(address: string) {
  return database.db.select().from(mailboxMessages).where(eq(mailboxMessages.recipient, address));
}

describe("order mail", () => {
  it("confirms an order when it is paid, not when it is placed, once however often its job runs", async () => {
    const customer = await oneCustomer(database.db);
    const product = await insertProduct(database.db, { stock: 5, name: "Linen apron", priceCents: 2_500 });
    const { order, paymentUrl } = await placeUnpaid(database.db, customer, product.id, 2);
    expect(await orderEventJobs(order.id)).toEqual([]);
    // A declined card is no confirmation either.
    await payPlacedOrder(database.db, paymentUrl, "declined");
    expect(await orderEventJobs(order.id)).toEqual([]);

    const again = await callerFor(database.db, customer).orders.pay({ id: order.id });
    await payPlacedOrder(database.db, again.paymentUrl);
    const [placed, ...others] = await orderEventJobs(order.id);
    expect(others).toEqual([]);
    if (!placed) throw new Error("no job for the order");
    expect(placed).toMatchObject({ orderId: order.id, happened: "placed" });
    const [cause] = await database.db.select({ topic: events.topic }).from(events).where(eq(events.id, placed.eventId));
    expect(cause?.topic).toBe("order.paid");
    // The outbox is pruned after EVENT_RETENTION_HOURS; a job retried later still mails.
    await database.db.delete(events).where(eq(events.id, placed.eventId));

    await expect(mailOrderEvent(database.db, placed)).resolves.toBe("sent");
    await expect(mailOrderEvent(database.db, placed)).resolves.toBe("already-sent");

    const mails = await mailsTo(customer.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toMatch(/order/i);
    expect(mails[0]?.text).toContain("Linen apron");
    expect(mails[0]?.text).toContain(`/orders/${order.id}`);
    // The total's lines as the order stored them (US: standard ships free from $50), and where it ships.
    const stored = await callerFor(database.db, customer).orders.byId({ id: order.id });
    const text = mails[0]?.text ?? "";
    expect(text).toMatch(row("Subtotal", "$50.00"));
    expect(text).toMatch(row("Shipping (Standard)", "Free"));
    expect(text).toMatch(row("Tax", formatMoney(stored.taxCents)));
    expect(text).toMatch(row("Total", formatMoney(stored.totalCents)));
    expect(stored.taxCents).toBeGreaterThan(0);
    expect(text).toContain(`Shipping address\n\n${shipTo.shippingAddress.name}\n1 Market Street\nSan Francisco 94105`);
    const sent = await database.db.select().from(sentMail).where(eq(sentMail.recipient, customer.email));
    expect(sent).toHaveLength(1);
  });

  it("tells of a cancellation with the refund, and of shipping unless the customer turned it off", async () => {
    const customer = await oneCustomer(database.db);
    const product = await insertProduct(database.db, { stock: 5, priceCents: 1_000 });
    const cancelled = await buyAs(database.db, customer, product.id);
    await callerFor(database.db, customer).orders.cancel({ id: cancelled.id });
    const [, cancelEvent] = await orderEventJobs(cancelled.id);
    if (!cancelEvent) throw new Error("no job for the cancellation");
    expect(cancelEvent.happened).toBe("cancelled");
    await mailOrderEvent(database.db, cancelEvent);
    const [cancelMail] = (await mailsTo(customer.email)).filter((mail) => /cancel/i.test(mail.subject));
    expect(cancelMail?.text).toMatch(/refund/i);
    expect(cancelMail?.text).toContain("$10.00");

    const [admin] = await insertCustomers(database.db, 1);
    if (!admin) throw new Error("no admin");
    await database.db.update(users).set({ role: "admin" }).where(eq(users.id, admin.id));
    const shipped = await buyAs(database.db, customer, product.id);
    const adminCaller = callerFor(database.db, { ...admin, role: "admin" });
    await adminCaller.admin.orders.setStatus({ id: shipped.id, status: "shipped" });
    const [, shippedEvent] = await orderEventJobs(shipped.id);
    if (!shippedEvent) throw new Error("no job for the shipment");

    await callerFor(database.db, customer).account.setMailPreferences({ orderUpdates: false });
    await expect(mailOrderEvent(database.db, shippedEvent)).resolves.toBe("unsubscribed");
    await callerFor(database.db, customer).account.setMailPreferences({ orderUpdates: true });
    await expect(mailOrderEvent(database.db, shippedEvent)).resolves.toBe("sent");
    const [shippedMail] = (await mailsTo(customer.email)).filter((mail) => /shipped/i.test(mail.subject));
    expect(shippedMail?.html).toContain("/api/mail/unsubscribe?token=");
  });

  it("tells the customer when an unpaid order expires, and confirms nothing when money comes too late", async () => {
    const customer = await oneCustomer(database.db);
    const product = await insertProduct(database.db, { stock: 5, name: "Wool throw", priceCents: 4_000 });
    const { order, paymentUrl } = await placeUnpaid(database.db, customer, product.id);
    await database.db
      .update(orders)
      .set({ paymentDueAt: new Date(Date.now() - 1_000) })
      .where(eq(orders.id, order.id));
    expect(await settleUnpaidOrder(database.db, testProvider(database.db), order.id)).toBe("expired");

    const [expired, ...others] = await orderEventJobs(order.id);
    if (!expired) throw new Error("no job for the expiry");
    expect(others).toEqual([]);
    expect(expired).toMatchObject({ orderId: order.id, happened: "expired" });
    await expect(mailOrderEvent(database.db, expired)).resolves.toBe("sent");
    const [mail] = await mailsTo(customer.email);
    expect(mail?.subject).toMatch(/expired/i);
    expect(mail?.text).toContain("Wool throw");
    expect(mail?.text).toMatch(/nothing was charged/i);

    // The provider's page was still open: the payment is refunded, and no confirmation goes out.
    await payPlacedOrder(database.db, paymentUrl);
    await settleRefunds(database.db);
    expect((await orderEventJobs(order.id)).map((job) => job.happened)).toEqual(["expired"]);
  });

  it("unsubscribe links name their account and cannot be forged", async () => {
    const customer = await oneCustomer(database.db);
    const token = unsubscribeToken(customer.id);
    expect(userIdFromUnsubscribeToken(token)).toBe(customer.id);
    const other = await oneCustomer(database.db);
    const forged = `${other.id}.${token.split(".")[1] ?? ""}`;
    expect(userIdFromUnsubscribeToken(forged)).toBeNull();
    expect(userIdFromUnsubscribeToken("nonsense")).toBeNull();
  });
});
