import type { Db } from "../../db/types";
import type { PaymentProvider } from "../../domain/payments/payment-provider";
import { parseTestWebhook } from "./parse-webhook";
import { createSession, refundCharge, sessionStatus } from "./sessions";

/**
 * The built-in provider, the default as PGlite is the default database. It
 * talks to the shop only as a real one does: sessions it opens, the shopper
 * sent back, signed webhooks (deliver-webhook.ts). No money moves.
 */
export function createTestProvider(db: Db, options: { toleranceSeconds: number }): PaymentProvider {
  return {
    name: "test",
    createSession: (request) => createSession(db, request),
    parseWebhook: (rawBody, headers) =>
      Promise.resolve().then(() => parseTestWebhook(rawBody, headers, options.toleranceSeconds)),
    fetchStatus: (sessionId) => sessionStatus(db, sessionId),
    refund: (request) => refundCharge(db, request),
  };
}
