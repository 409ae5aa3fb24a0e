import { WebhookRejected, type ProviderEvent } from "../../domain/payments/payment-provider";
import { testEventBody } from "./event-body";
import { SIGNATURE_HEADER, signatureProblem } from "./signature";

function required<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new WebhookRejected(`The event has no ${field}`);
  return value;
}

/** Verifies a test provider webhook and reads it in the shop's terms. */
export function parseTestWebhook(rawBody: string, headers: Headers, toleranceSeconds: number): ProviderEvent {
  const problem = signatureProblem(rawBody, headers.get(SIGNATURE_HEADER), toleranceSeconds);
  if (problem) throw new WebhookRejected(problem);
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new WebhookRejected("The body is not JSON");
  }
  const parsed = testEventBody.safeParse(json);
  if (!parsed.success) throw new WebhookRejected("The body is not a test provider event");
  const { id, created, type, data } = parsed.data;
  const base = { id, occurredAt: new Date(created * 1000) };
  switch (type) {
    case "payment.succeeded":
      return {
        ...base,
        type,
        sessionId: required(data.session_id, "session_id"),
        chargeReference: required(data.charge_id, "charge_id"),
        amountCents: required(data.amount, "amount"),
        currency: required(data.currency, "currency"),
        cardLast4: data.card_last4 ?? null,
      };
    case "payment.failed":
      return {
        ...base,
        type,
        sessionId: required(data.session_id, "session_id"),
        attemptReference: required(data.attempt_id, "attempt_id"),
        reason: data.reason ?? "declined",
        cardLast4: data.card_last4 ?? null,
      };
    case "session.expired":
      return { ...base, type, sessionId: required(data.session_id, "session_id") };
    case "refund.succeeded":
      return {
        ...base,
        type,
        refundRequestId: required(data.refund_request_id, "refund_request_id"),
        refundReference: required(data.refund_id, "refund_id"),
      };
  }
}
