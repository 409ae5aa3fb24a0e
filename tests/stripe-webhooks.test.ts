import Stripe from "stripe";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paymentSessions, payments } from "@/server/db/schema";
import { receivePaymentWebhook } from "@/server/ops/payment-webhook";
import { createStripeProvider } from "@/server/payments/stripe/stripe-provider";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { callerFor } from "./support/callers";
import { oneCustomer, placeUnpaid } from "./support/purchases";
import { insertProduct } from "./support/shop-fixtures";

// Stripe's webhooks through the shop's own handler: signed by the stripe package itself
// (generateTestHeaderString), never sent by Stripe. Stripe's servers are not reachable here.
const secret = "whsec_test_storefront_webhooks_0123456789";
const stripe = createStripeProvider({ secretKey: "sk_test_unreachable", webhookSecret: secret, toleranceSeconds: 300 });
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(() => database.dispose());

function signed(event: Record<string, unknown>) {
  const payload = JSON.stringify(event);
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  return { payload, headers: new Headers({ "stripe-signature": header, "content-type": "application/json" }) };
}

function sessionCompleted(eventId: string, sessionId: string, amountCents: number) {
  return {
    id: eventId,
    object: "event",
    api_version: "2025-01-27",
    created: Math.floor(Date.now() / 1000),
    type: "checkout.session.completed",
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: {
      object: {
        id: sessionId,
        object: "checkout.session",
        amount_total: amountCents,
        currency: "usd",
        payment_intent: `pi_${eventId}`,
        payment_status: "paid",
        status: "complete",
      },
    },
  };
}

/** An order awaiting payment whose payment page is a Stripe Checkout Session (as Stripe's createSession would leave it). */
async function orderPaidThroughStripe(sessionId: string) {
  const product = await insertProduct(database.db, { stock: 5, priceCents: 1999 });
  const buyer = await oneCustomer(database.db);
  const placed = await placeUnpaid(database.db, buyer, product.id);
  await database.db.insert(paymentSessions).values({
    orderId: placed.order.id,
    provider: "stripe",
    sessionId,
    url: `https://checkout.stripe.com/c/pay/${sessionId}`,
    amountCents: placed.order.totalCents,
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  return { buyer, orderId: placed.order.id, totalCents: placed.order.totalCents };
}

describe("Stripe webhooks", () => {
  it("checkout.session.completed marks the order paid once, however often it is delivered", async () => {
    const { buyer, orderId, totalCents } = await orderPaidThroughStripe("cs_test_paid_once");
    const { payload, headers } = signed(sessionCompleted("evt_paid_once", "cs_test_paid_once", totalCents));
    const first = await receivePaymentWebhook(database.db, stripe, payload, headers);
    expect(first.status).toBe(200);
    const second = await receivePaymentWebhook(database.db, stripe, payload, headers);
    expect(await second.json()).toMatchObject({ duplicate: true });
    const order = await callerFor(database.db, buyer).orders.byId({ id: orderId });
    expect(order.status).toBe("paid");
    expect(order.payments).toMatchObject([{ kind: "charge", status: "succeeded", amountCents: totalCents }]);
  });

  it("a signature made with another secret is refused and applies nothing", async () => {
    const { buyer, orderId, totalCents } = await orderPaidThroughStripe("cs_test_forged");
    const payload = JSON.stringify(sessionCompleted("evt_forged", "cs_test_forged", totalCents));
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_someone_else" });
    const response = await receivePaymentWebhook(
      database.db,
      stripe,
      payload,
      new Headers({ "stripe-signature": header }),
    );
    expect(response.status).toBe(400);
    expect((await callerFor(database.db, buyer).orders.byId({ id: orderId })).status).toBe("awaiting_payment");
  });

  it("a refund.updated that succeeded completes the refund the shop asked for", async () => {
    const { buyer, orderId, totalCents } = await orderPaidThroughStripe("cs_test_refunded");
    const paid = signed(sessionCompleted("evt_refund_paid", "cs_test_refunded", totalCents));
    await receivePaymentWebhook(database.db, stripe, paid.payload, paid.headers);
    await callerFor(database.db, buyer).orders.cancel({ id: orderId });
    const [refund] = await database.db
      .select({ id: payments.id })
      .from(payments)
      .where(and(eq(payments.orderId, orderId), eq(payments.kind, "refund")));
    if (!refund) throw new Error("no refund requested");
    const refunded = signed({
      id: "evt_refund_done",
      object: "event",
      api_version: "2025-01-27",
      created: Math.floor(Date.now() / 1000),
      type: "refund.updated",
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: {
        object: {
          id: "re_test_done",
          object: "refund",
          amount: totalCents,
          currency: "usd",
          metadata: { refundRequestId: refund.id },
          payment_intent: "pi_evt_refund_paid",
          status: "succeeded",
        },
      },
    });
    expect((await receivePaymentWebhook(database.db, stripe, refunded.payload, refunded.headers)).status).toBe(200);
    const order = await callerFor(database.db, buyer).orders.byId({ id: orderId });
    expect(order.status).toBe("cancelled");
    expect(order.payments.at(-1)).toMatchObject({ kind: "refund", status: "succeeded", amountCents: totalCents });
  });
});
