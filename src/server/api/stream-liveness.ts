import { TRPCError } from "@trpc/server";
import { identityFromSession, resolveIdentity, type Identity } from "../auth/identity";
import type { Db } from "../db/types";
import { logger } from "../observability/logger";

/** How often an open stream re-checks that its caller's session or API token still stands. */
export const LIVENESS_CHECK_MS = 5_000;

export interface LivenessOptions {
  /** The request's signal: checking stops when it aborts. */
  signal: AbortSignal;
  everyMs: number;
  /** One query: whether the caller's session or token still stands. */
  isLive: () => Promise<boolean>;
  /** What the stream ends with once it does not. */
  ended: () => Error;
  requestId?: string;
}

export interface LivenessWatch {
  /** Aborts with the request's reason when the client leaves, or with `ended()` when the caller is gone. */
  signal: AbortSignal;
  /** Stops checking: for a stream that ends on its own. */
  stop: () => void;
}

/**
 * Runs `isLive` every `everyMs` until the request's signal aborts or `stop` is
 * called, and aborts the returned signal once it answers false. One check at a
 * time: the next is scheduled only when the last has answered.
 */
export function watchLiveness(options: LivenessOptions): LivenessWatch {
  const gone = new AbortController();
  const signal = AbortSignal.any([options.signal, gone.signal]);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    signal.removeEventListener("abort", stop);
  };

  const check = async () => {
    try {
      if (!(await options.isLive())) {
        if (!stopped) gone.abort(options.ended());
        return;
      }
    } catch (error) {
      // A database outage is not a sign-out: keep streaming and ask again next time.
      logger.warn({ err: error, requestId: options.requestId }, "could not check that a stream's caller is signed in");
    }
    if (!stopped) timer = setTimeout(() => void check(), options.everyMs);
  };

  signal.addEventListener("abort", stop, { once: true });
  if (signal.aborted) stop();
  else timer = setTimeout(() => void check(), options.everyMs);
  return { signal, stop };
}

/**
 * The one query that says whether what identified the caller still stands
 * (same indexed lookups as resolving it), or null when there is nothing to
 * re-check: a caller handed in as a plain actor, as tests do.
 */
function livenessQuery(db: Db, headers: Headers, identity: Identity): (() => Promise<boolean>) | null {
  const { sessionId } = identity;
  if (sessionId !== null) return async () => (await identityFromSession(db, sessionId))?.id === identity.id;
  if (identity.method === "token") return async () => (await resolveIdentity(db, headers))?.id === identity.id;
  return null;
}

function signedOut(identity: Identity): TRPCError {
  const message =
    identity.method === "token"
      ? "This API token was revoked or has expired, or its account was disabled. Use a new token."
      : "Your session has ended. Sign in again.";
  return new TRPCError({ code: "UNAUTHORIZED", message });
}

export interface StreamCaller {
  db: Db;
  headers: Headers;
  requestId: string;
  /** Unset: every LIVENESS_CHECK_MS. */
  livenessCheckMs: number | undefined;
  actor: Identity;
}

/**
 * A signal for a signed-in caller's stream that also aborts, with
 * UNAUTHORIZED, within one check of their session ending or their token
 * being revoked: otherwise the stream would outlive it by up to
 * SSE_MAX_DURATION_SECONDS, as only opening a stream checks who is calling.
 */
export function whileSignedIn(ctx: StreamCaller, signal: AbortSignal): LivenessWatch {
  const isLive = livenessQuery(ctx.db, ctx.headers, ctx.actor);
  if (!isLive) return { signal, stop: () => undefined };
  return watchLiveness({
    signal,
    everyMs: ctx.livenessCheckMs ?? LIVENESS_CHECK_MS,
    isLive,
    ended: () => signedOut(ctx.actor),
    requestId: ctx.requestId,
  });
}
