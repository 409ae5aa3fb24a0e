import { activePaymentProvider } from "@/env";
import { getConnection } from "../db/client";
import { isDatabaseUnavailable } from "../db/errors";
import type { Db } from "../db/types";
import { applyProviderEvent } from "../domain/payments/apply-provider-event";
import {
  paymentProviderNames,
  WebhookRejected,
  type PaymentProvider,
  type PaymentProviderName,
} from "../domain/payments/payment-provider";
import { bodyTooLargeMessage, limitBody } from "../http/body-limit";
import { logger } from "../observability/logger";
import { paymentProviderFor } from "../payments/payment-provider-for";

function answer(status: number, code: string, message: string): Response {
  return Response.json({ code, message }, { status, headers: { "Cache-Control": "no-store" } });
}

function isProviderName(name: string): name is PaymentProviderName {
  return (paymentProviderNames as readonly string[]).includes(name);
}

/**
 * One provider webhook, from its raw body: verified (signature and age), stored
 * once by event id, applied in one transaction. 2xx tells the provider to stop
 * retrying: a duplicate is 200 too. A bad signature is 400 and changes nothing;
 * a failure on our side is 5xx, so the provider delivers it again.
 */
export async function receivePaymentWebhook(
  db: Db,
  provider: PaymentProvider,
  rawBody: string,
  headers: Headers,
): Promise<Response> {
  let event;
  try {
    event = await provider.parseWebhook(rawBody, headers);
  } catch (error) {
    if (!(error instanceof WebhookRejected)) throw error;
    logger.warn({ provider: provider.name, reason: error.message }, "payment webhook refused");
    return answer(400, "BAD_REQUEST", error.message);
  }
  const result = await applyProviderEvent(db, provider.name, event);
  if (result.duplicate) return Response.json({ received: true, duplicate: true });
  logger.info(
    { provider: provider.name, eventId: event.id, type: event.type, orderId: result.orderId, outcome: result.outcome },
    "payment webhook applied",
  );
  return Response.json({ received: true, outcome: result.outcome });
}

/** POST /api/payments/webhook/{provider}: only the configured provider's webhooks are taken. */
export async function answerPaymentWebhook(request: Request, providerName: string): Promise<Response> {
  if (!isProviderName(providerName) || providerName !== activePaymentProvider) {
    return answer(404, "NOT_FOUND", `This shop takes no webhooks from "${providerName}".`);
  }
  const limited = await limitBody(request);
  if (!limited) return answer(413, "PAYLOAD_TOO_LARGE", bodyTooLargeMessage);
  const rawBody = await limited.text();
  try {
    const { db } = await getConnection();
    return await receivePaymentWebhook(db, paymentProviderFor(db), rawBody, request.headers);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return answer(503, "SERVICE_UNAVAILABLE", "Try again shortly.");
    logger.error({ err: error, provider: providerName }, "payment webhook failed; the provider will retry");
    return answer(500, "INTERNAL_SERVER_ERROR", "The event could not be applied; it will be retried.");
  }
}
