import { eq, sql } from "drizzle-orm";
import { env } from "@/env";
import { testProviderEvents } from "../../db/schema";
import type { Db } from "../../db/types";
import { logger } from "../../observability/logger";
import { SIGNATURE_HEADER, signWebhook } from "./signature";

/** Where the shop listens: PAYMENT_TEST_WEBHOOK_URL, or this server on loopback. */
export function webhookUrl(): string {
  return env.PAYMENT_TEST_WEBHOOK_URL ?? `http://127.0.0.1:${env.PORT}/api/payments/webhook/test`;
}

/**
 * The `test-provider.deliver` job: POSTs one event, freshly signed, to the
 * shop. Anything but a 2xx within 10 s throws, so the queue retries it with
 * growing delays, as a real provider does. Redirects are not followed.
 */
export async function deliverWebhook(db: Db, eventId: string): Promise<string> {
  const [event] = await db.select().from(testProviderEvents).where(eq(testProviderEvents.id, eventId));
  if (!event) return "gone";
  if (event.deliveredAt) return "delivered already";
  const body = JSON.stringify(event.body);
  let failure: string | null = null;
  try {
    const response = await fetch(webhookUrl(), {
      method: "POST",
      headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signWebhook(body) },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(10_000),
    });
    await response.body?.cancel();
    if (!response.ok) failure = `HTTP ${response.status}`;
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  await db
    .update(testProviderEvents)
    .set({
      attempts: sql`${testProviderEvents.attempts} + 1`,
      ...(failure ? { lastError: failure } : { deliveredAt: new Date(), lastError: null }),
    })
    .where(eq(testProviderEvents.id, eventId));
  if (failure) throw new Error(`webhook ${eventId} not taken: ${failure}`);
  return "delivered";
}

/**
 * Sends just-committed events at once, as a real provider does within
 * seconds; the queued job stays behind as the retry (it skips an event
 * delivered here). A failure here is only logged: the job tries again.
 */
export async function deliverPromptly(db: Db, eventIds: readonly string[]): Promise<void> {
  for (const eventId of eventIds) {
    try {
      await deliverWebhook(db, eventId);
    } catch (error) {
      logger.info(
        { eventId, reason: error instanceof Error ? error.message : String(error) },
        "test provider webhook left to its job",
      );
    }
  }
}
