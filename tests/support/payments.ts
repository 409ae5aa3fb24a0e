import { asc, eq, isNull } from "drizzle-orm";
import { and } from "drizzle-orm";
import { payments, testProviderEvents } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { PaymentProvider } from "@/server/domain/payments/payment-provider";
import { runRefund } from "@/server/domain/payments/run-refund";
import { receivePaymentWebhook } from "@/server/ops/payment-webhook";
import { TEST_CARDS, type TestCardBehaviour } from "@/server/payments/test-provider/card-input";
import { submitCard, completeAuthentication, settleDelayed } from "@/server/payments/test-provider/sessions";
import { SIGNATURE_HEADER, signWebhook } from "@/server/payments/test-provider/signature";
import { createTestProvider } from "@/server/payments/test-provider/test-provider";

export function testProvider(db: Db): PaymentProvider {
  return createTestProvider(db, { toleranceSeconds: 300 });
}

/** The test provider's session id, from the payment page address the shop answered with. */
export function sessionIdOf(paymentUrl: string | null): string {
  const id = paymentUrl && new URL(paymentUrl).pathname.split("/").at(-1);
  if (!id?.startsWith("tps_")) throw new Error(`not a test provider payment page: ${paymentUrl}`);
  return id;
}

/** What the shopper does on the provider's page: a test card by behaviour (the number never leaves the provider). */
export async function submitTestCard(db: Db, paymentUrl: string | null, behaviour: TestCardBehaviour = "approved") {
  return submitCard(db, sessionIdOf(paymentUrl), { behaviour, last4: TEST_CARDS[behaviour].slice(-4) });
}

export { completeAuthentication, settleDelayed };

/** A signed delivery of one stored test provider event, as its webhook job sends it. */
export async function signedDelivery(db: Db, eventId: string) {
  const [event] = await db.select().from(testProviderEvents).where(eq(testProviderEvents.id, eventId));
  if (!event) throw new Error(`no test provider event ${eventId}`);
  const body = JSON.stringify(event.body);
  return { body, headers: new Headers({ "content-type": "application/json", [SIGNATURE_HEADER]: signWebhook(body) }) };
}

/**
 * Delivers every undelivered test provider event to the shop's webhook
 * handler, in order, as the provider's delivery jobs would over HTTP.
 * Returns the HTTP statuses the shop answered.
 */
export async function deliverTestWebhooks(db: Db): Promise<number[]> {
  const pending = await db
    .select({ id: testProviderEvents.id })
    .from(testProviderEvents)
    .where(isNull(testProviderEvents.deliveredAt))
    .orderBy(asc(testProviderEvents.createdAt));
  const statuses: number[] = [];
  for (const { id } of pending) {
    const { body, headers } = await signedDelivery(db, id);
    const response = await receivePaymentWebhook(db, testProvider(db), body, headers);
    statuses.push(response.status);
    if (response.ok) {
      await db.update(testProviderEvents).set({ deliveredAt: new Date() }).where(eq(testProviderEvents.id, id));
    }
  }
  return statuses;
}

/** Runs the refund jobs waiting (refund rows not yet sent to the provider), then delivers the provider's answers. */
export async function settleRefunds(db: Db): Promise<void> {
  const waiting = await db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.kind, "refund"), eq(payments.status, "pending"), isNull(payments.reference)));
  for (const { id } of waiting) await runRefund(db, testProvider(db), id);
  await deliverTestWebhooks(db);
}

/** Pays a placed order with a test card and delivers the provider's webhooks: the whole hosted-page round trip. */
export async function payPlacedOrder(db: Db, paymentUrl: string | null, behaviour: TestCardBehaviour = "approved") {
  const outcome = await submitTestCard(db, paymentUrl, behaviour);
  await deliverTestWebhooks(db);
  return outcome;
}
