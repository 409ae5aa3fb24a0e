import type { IncomingMessage, ServerResponse } from "node:http";
import { getTRPCErrorFromUnknown, isTrackedEnvelope, TRPCError } from "@trpc/server";
import { env } from "../src/env";
import { trpcErrorShape } from "../src/server/api/error-format";
import { createRequestContext } from "../src/server/api/request-context";
import { createCaller } from "../src/server/api/root";
import { carriesCredentials } from "../src/server/auth/credentials";
import { apiAnswerHeaders } from "../src/server/http/api-answer-headers";
import { corsAnswerHeaders } from "../src/server/http/cors";
import { REQUEST_ID_HEADER } from "../src/server/http/request-id";
import { logger } from "../src/server/observability/logger";
import { headersOf } from "./node-headers";
import { sseFrame } from "./sse-frames";

type Caller = ReturnType<typeof createCaller>;

/** The subscriptions this server streams itself, by tRPC path. */
const liveProcedures: Record<string, (caller: Caller, input: unknown) => Promise<AsyncIterable<unknown>>> = {
  "live.stock": (caller, input) => caller.live.stock(input as Parameters<Caller["live"]["stock"]>[0]),
  "live.orders": (caller, input) => caller.live.orders(input as Parameters<Caller["live"]["orders"]>[0]),
};

/** A client that reads slower than events arrive is cut and resumes by id, rather than buffering here. */
const MAX_BUFFERED_BYTES = 256 * 1024;

interface OpenStream {
  res: ServerResponse;
  lastWriteAt: number;
}

const openStreams = new Set<OpenStream>();
let pinger: NodeJS.Timeout | undefined;

/**
 * One timer for every stream of the process: a ping to each that has been quiet for a whole interval.
 * It looks four times per interval, so no stream goes more than 1.25 intervals without a write (looking
 * once per interval let a stream that wrote just after a look wait almost two).
 */
function keepPinging(): void {
  if (pinger) return;
  const intervalMs = env.SSE_PING_SECONDS * 1000;
  pinger = setInterval(() => {
    const quietSince = Date.now() - intervalMs;
    for (const stream of openStreams) if (stream.lastWriteAt <= quietSince) write(stream, sseFrame({ event: "ping" }));
    if (openStreams.size === 0) {
      clearInterval(pinger);
      pinger = undefined;
    }
  }, intervalMs / 4);
  pinger.unref();
}

function write(stream: OpenStream, frame: string): void {
  stream.lastWriteAt = Date.now();
  stream.res.write(frame);
  if (stream.res.writableLength > MAX_BUFFERED_BYTES) stream.res.destroy();
}

/**
 * A subscription request this server can stream itself: a plain (unbatched)
 * GET of a known live procedure. Anything else goes the ordinary way.
 */
export function isLiveStreamRequest(req: IncomingMessage): boolean {
  if (req.method !== "GET" || !req.url?.startsWith("/api/trpc/live.")) return false;
  const url = new URL(req.url, "http://localhost");
  const path = url.pathname.slice("/api/trpc/".length);
  return Object.hasOwn(liveProcedures, path) && !url.searchParams.has("batch");
}

/** tRPC puts the client's Last-Event-ID into the subscription's input; so does this server. */
function subscriptionInput(url: URL, headers: Headers): unknown {
  const raw = url.searchParams.get("input");
  let input: unknown;
  try {
    input = raw === null ? undefined : JSON.parse(raw);
  } catch (cause) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "The input is not valid JSON.", cause });
  }
  const lastEventId =
    headers.get("last-event-id") ?? url.searchParams.get("lastEventId") ?? url.searchParams.get("Last-Event-Id");
  if (!lastEventId) return input;
  if (input === undefined || input === null) return { lastEventId };
  return typeof input === "object" && !Array.isArray(input) ? { ...input, lastEventId } : input;
}

/**
 * Live subscriptions (`live.*`) straight from the event bus to the socket, in
 * tRPC's SSE wire format, so `httpSubscriptionLink` reads them as it reads the
 * route handler's. The procedure is still opened through the tRPC caller
 * (input, access rule, rate limit); only the transport is ours. With hundreds
 * of open streams, every event is written hundreds of times: tRPC's producer
 * spends several generators, a ping race, three web streams and Next's stream
 * conversion on each write, this one a string and a socket write
 * (bench/README.md).
 */
export async function answerLiveStream(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const path = url.pathname.slice("/api/trpc/".length);
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
  const stream: OpenStream = { res, lastWriteAt: 0 };
  openStreams.add(stream);
  keepPinging();
  const reconnectAfterInactivityMs = env.SSE_PING_SECONDS * 3000;
  write(stream, sseFrame({ event: "connected", data: JSON.stringify({ reconnectAfterInactivityMs }) }));
  // A host's request limit then ends the stream cleanly and the client resumes from its last event id.
  const maxDuration = setTimeout(() => aborted.abort(), env.SSE_MAX_DURATION_SECONDS * 1000);

  try {
    const ctx = await createRequestContext(headers, { requestId: headers.get(REQUEST_ID_HEADER) ?? undefined });
    const caller = createCaller(ctx, { signal: aborted.signal });
    const open = liveProcedures[path];
    if (!open) throw new TRPCError({ code: "NOT_FOUND", message: `No procedure found on path "${path}"` });
    const events = await open(caller, subscriptionInput(url, headers));
    for await (const value of events) {
      if (!isTrackedEnvelope(value)) throw new Error(`${path} yielded an event without an id`);
      write(stream, sseFrame({ data: JSON.stringify(value[1]), id: value[0] }));
    }
    write(stream, sseFrame({ event: "return" }));
  } catch (cause) {
    // Ended by the client, the duration limit or shutdown: the client reconnects with its last event id.
    if (!aborted.signal.aborted && !isAbortError(cause)) {
      const error = getTRPCErrorFromUnknown(cause);
      if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: cause, path }, "live stream failed");
      write(stream, sseFrame({ event: "serialized-error", data: JSON.stringify(trpcErrorShape(error, path)) }));
    }
  } finally {
    clearTimeout(maxDuration);
    openStreams.delete(stream);
    res.end();
  }
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}
