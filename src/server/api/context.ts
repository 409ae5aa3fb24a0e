import { randomUUID } from "node:crypto";
import { resolveIdentity, type Identity } from "../auth/identity";
import type { Db } from "../db/types";
import type { Actor } from "../domain/actor";
import type { PaymentProvider } from "../domain/payments/payment-provider";
import type { EventBus } from "../events/bus";
import { rateLimiterFor } from "../http/rate-limit/app-limiter";
import { paymentProviderFor } from "../payments/payment-provider-for";
import type { RateLimiter } from "../http/rate-limit/limiter";

export interface ContextOptions {
  db: Db;
  headers: Headers;
  /** The address rate limits are keyed on (see http/client-ip.ts). */
  clientIp: string;
  requestId?: string;
  /**
   * Who is calling, when already known: server components pass the identity
   * they resolved for the page (so a request decodes its cookie once), tests
   * pass a plain actor (a signed-in session). Otherwise it is resolved from
   * the headers, lazily.
   */
  identity?: Promise<Identity | null>;
  actor?: Actor | null;
  /** The provider PAYMENT_PROVIDER names unless a test gives its own. */
  payments?: PaymentProvider;
  /** The process's event bus, started on first use; tests pass their own. */
  getEventBus: () => Promise<EventBus>;
  /** The app's rate limiter for this database unless a test gives its own. */
  rateLimiter?: RateLimiter;
  /** How often a signed-in caller's open stream re-checks their session or token; tests shorten it. */
  livenessCheckMs?: number;
}

function knownIdentity(options: ContextOptions): Promise<Identity | null> | undefined {
  if (options.identity) return options.identity;
  if (options.actor === undefined) return undefined;
  return Promise.resolve(options.actor && { ...options.actor, method: "session", scopes: null, sessionId: null });
}

export function createContext(options: ContextOptions) {
  const { db, headers, clientIp } = options;
  let identity = knownIdentity(options);
  return {
    db,
    headers,
    clientIp,
    payments: options.payments ?? paymentProviderFor(db),
    requestId: options.requestId ?? randomUUID(),
    getEventBus: options.getEventBus,
    rateLimiter: options.rateLimiter ?? rateLimiterFor(db),
    livenessCheckMs: options.livenessCheckMs,
    /** Resolved on first use only, so a public catalog read never touches a cookie or token. */
    getActor(): Promise<Identity | null> {
      identity ??= resolveIdentity(db, headers);
      return identity;
    },
    /** The identity if something already asked for it (for logs): never resolves one on its own. */
    identityIfResolved(): Promise<Identity | null> | undefined {
      return identity;
    },
  };
}

export type Context = ReturnType<typeof createContext>;
