import type { IncomingMessage, ServerResponse } from "node:http";
import { getTRPCErrorFromUnknown, TRPCError } from "@trpc/server";
import type { Context } from "../src/server/api/context";
import { databaseFault } from "../src/server/api/database-faults";
import { trpcErrorShape } from "../src/server/api/error-format";
import { createRequestContext } from "../src/server/api/request-context";
import { appRouter } from "../src/server/api/root";
import { sseSettings } from "../src/server/api/sse-settings";
import { openSubscription, subscriptionPaths } from "../src/server/api/subscriptions";
import { carriesCredentials } from "../src/server/auth/credentials";
import { apiAnswerHeaders } from "../src/server/http/api-answer-headers";
import { corsAnswerHeaders } from "../src/server/http/cors";
import { REQUEST_ID_HEADER } from "../src/server/http/request-id";
import { logger } from "../src/server/observability/logger";
import { headersOf } from "./node-headers";
import { openSseConnection } from "./sse-connections";
import { sseFrame, valueFramer } from "./sse-frames";

const ENDPOINT = "/api/trpc/";

/** The procedure's context for a stream, from its request's headers. */
export type StreamContextFactory = (headers: Headers, requestId: string | undefined) => Promise<Context>;

const appContext: StreamContextFactory = (headers, requestId) => createRequestContext(headers, { requestId });

/** What the router's transformer makes of a value before JSON, as tRPC's producer does. */
const serialize = (value: unknown): unknown => appRouter._def._config.transformer.output.serialize(value);

/**
 * A subscription request this server can stream itself: a plain (unbatched)
 * GET of any subscription of the router. Anything else goes the ordinary way.
 */
export function isLiveStreamRequest(req: IncomingMessage): boolean {
  if (req.method !== "GET" || !req.url?.startsWith(ENDPOINT)) return false;
  // Most GETs here are reads: tell them apart without parsing the whole URL.
  const query = req.url.indexOf("?");
  if (!subscriptionPaths.has(req.url.slice(ENDPOINT.length, query === -1 ? undefined : query))) return false;
  return !new URL(req.url, "http://localhost").searchParams.has("batch");
}

/** Where the client asks to resume from: the EventSource's header on reconnect, or the link's query parameter. */
function lastEventIdOf(url: URL, headers: Headers): string | null {
  return headers.get("last-event-id") ?? url.searchParams.get("lastEventId") ?? url.searchParams.get("Last-Event-Id");
}

/** tRPC puts the client's Last-Event-ID into the subscription's input; so does this server. */
function subscriptionInput(url: URL, lastEventId: string | null): unknown {
  const raw = url.searchParams.get("input");
  let input: unknown;
  try {
    input = raw === null ? undefined : JSON.parse(raw);
  } catch (cause) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "The input is not valid JSON.", cause });
  }
  if (!lastEventId) return input;
  if (input === undefined || input === null) return { lastEventId };
  return typeof input === "object" && !Array.isArray(input) ? { ...input, lastEventId } : input;
}

/**
 * Subscriptions straight from the event bus to the socket, in tRPC's SSE
 * wire format and with the route handler's SSE settings, so
 * `httpSubscriptionLink` reads them as it reads the route handler's. The
 * procedure is still opened as tRPC's handler opens it (input, access rule,
 * rate limit); only the transport is ours. With hundreds of open streams,
 * every event is written hundreds of times: tRPC's producer spends several
 * generators, a ping race, three web streams and Next's stream conversion on
 * each write, this one a string and a socket write (bench/README.md).
 * `createContext` is the app's request context unless a test gives its own.
 */
export function answerLiveStreamWith(createContext: StreamContextFactory = appContext) {
  return async function answerLiveStream(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname.slice(ENDPOINT.length);
    const headers = headersOf(req);
    const aborted = new AbortController();
    res.on("close", () => aborted.abort());

    res.writeHead(200, {
      ...apiAnswerHeaders(),
      ...corsAnswerHeaders(headers.get("origin")),
      "Content-Type": "text/event-stream",
      "Cache-Control": carriesCredentials(headers) ? "private, no-store, no-transform" : "no-cache, no-transform",
      "X-Accel-Buffering": "no",
      Connection: "keep-alive",
    });
    const connection = openSseConnection(res);
    connection.write(sseFrame({ event: "connected", data: JSON.stringify(sseSettings.client) }));
    // A host's request limit then ends the stream cleanly and the client resumes from its last event id.
    const maxDuration = setTimeout(() => aborted.abort(), sseSettings.maxDurationMs);

    try {
      const lastEventId = lastEventIdOf(url, headers);
      const ctx = await createContext(headers, headers.get(REQUEST_ID_HEADER) ?? undefined);
      const input = subscriptionInput(url, lastEventId);
      const events = await openSubscription({ path, ctx, input, signal: aborted.signal });
      const frame = valueFramer(lastEventId, serialize);
      for await (const value of events) connection.write(frame(value));
      // Cut short (client gone, duration reached), tRPC's producer sends no `return`: the client must resume.
      if (!aborted.signal.aborted) connection.write(sseFrame({ event: "return" }));
    } catch (cause) {
      // Ended by the client, the duration limit or shutdown: the client reconnects with its last event id.
      if (!aborted.signal.aborted && !isAbortError(cause)) {
        // A database away or too slow is an outage, not a bug: the client is told so (503) and retries.
        const fault = databaseFault(cause);
        const error = fault
          ? new TRPCError({ code: "SERVICE_UNAVAILABLE", message: fault.message, cause: fault })
          : getTRPCErrorFromUnknown(cause);
        if (fault) logger.warn({ err: cause, path }, "live stream ended: database unavailable or too slow");
        else if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: cause, path }, "live stream failed");
        const shape = trpcErrorShape(error, path);
        connection.write(sseFrame({ event: "serialized-error", data: JSON.stringify(serialize(shape)) }));
      }
    } finally {
      clearTimeout(maxDuration);
      connection.close();
      res.end();
    }
  };
}

/** The production server's streams, on the app's database and event bus. */
export const answerLiveStream = answerLiveStreamWith();

function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}
