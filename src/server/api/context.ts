import { randomUUID } from "node:crypto";
import { actorFromSessionCookie } from "../auth/session-cookie";
import type { Db } from "../db/types";
import type { Actor } from "../domain/actor";
import type { EventBus } from "../events/bus";
import type { PaymentProvider } from "../domain/payments/payment-provider";
import { testPaymentProcessor } from "../domain/payments/test-processor";

export interface ContextOptions {
  db: Db;
  headers: Headers;
  /** The address rate limits are keyed on (see http/client-ip.ts). */
  clientIp: string;
  requestId?: string;
  /** Tests and trusted server code can fix the caller; requests resolve it from their headers. */
  actor?: Actor | null;
  /** The built-in test processor unless a real one is configured. */
  payments?: PaymentProvider;
  /** The process's event bus, started on first use; tests pass their own. */
  getEventBus: () => Promise<EventBus>;
}

export function createContext(options: ContextOptions) {
  const { db, headers, clientIp } = options;
  let actor: Promise<Actor | null> | undefined =
    options.actor === undefined ? undefined : Promise.resolve(options.actor);
  return {
    db,
    headers,
    clientIp,
    payments: options.payments ?? testPaymentProcessor,
    requestId: options.requestId ?? randomUUID(),
    getEventBus: options.getEventBus,
    /** Resolved on first use only, so a public catalog read never touches the session. */
    getActor(): Promise<Actor | null> {
      actor ??= actorFromSessionCookie(headers.get("cookie"));
      return actor;
    },
  };
}

export type Context = ReturnType<typeof createContext>;
