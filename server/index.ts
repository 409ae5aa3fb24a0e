/**
 * The production server (`npm start`): Next.js's request handler behind a
 * node:http server of our own, for what `next start` cannot do: record the
 * TCP peer address for rate limits, give every response a request id, cap
 * every body and URL, answer tRPC reads and live streams without Next's router
 * (./api-reads.ts, ./live-streams.ts), serve catalog, product and order pages
 * from a cache of Next's renders (./document-cache.ts), and shut down gracefully (end live streams so clients
 * resume elsewhere, drain in-flight requests within a bound, close the event
 * bus and the database pool, exit 0).
 */
import http from "node:http";
import next from "next";
import { env } from "../src/env";
import { visitorState } from "../src/server/auth/visitor-state";
import { getDb } from "../src/server/db/client";
import { apiAnswerHeaders } from "../src/server/http/api-answer-headers";
import { ownServerSecret } from "../src/server/http/own-server";
import { consoleErrorsThrough } from "../src/server/observability/console-errors";
import { logger } from "../src/server/observability/logger";
import { beginShutdown, runShutdownPhase } from "../src/server/runtime/lifecycle";
import { answerApiRead, isDirectApiRead } from "./api-reads";
import { cachedHosts } from "./cached-hosts";
import { trackConnections } from "./connection-drain";
import { createDocumentCache } from "./document-cache";
import { followCatalogChanges } from "./document-cache-follower";
import { renderThrough } from "./document-render-request";
import { limitHeapGrowth } from "./heap-growth";
import { answerLiveStream, isLiveStreamRequest } from "./live-streams";
import { guardRequest } from "./request-guards";
import { measureRequest } from "./request-metrics";

// Before Next.js starts: from now on, what this server vouches for (client addresses, renders) is recognised.
ownServerSecret();
limitHeapGrowth(env.HEAP_GROWTH_PERCENT);
// Next.js's own error reports go through the logger too: JSON, scrubbed like every other line.
console.error = consoleErrorsThrough(logger);

const app = next({ dev: false, hostname: env.HOSTNAME, port: env.PORT });
const handle = app.getRequestHandler();
await app.prepare();

let inFlight = 0;
let stopping = false;

const server = http.createServer((req, res) => {
  inFlight += 1;
  res.on("close", () => (inFlight -= 1));
  // During shutdown a keep-alive client is told to reconnect (to another instance) after this answer.
  if (stopping) res.setHeader("Connection", "close");
  const stream = isLiveStreamRequest(req);
  measureRequest(req, res, { stream });
  if (!guardRequest(req, res)) return;
  const answer = stream
    ? answerLiveStream(req, res)
    : isDirectApiRead(req)
      ? answerApiRead(req, res)
      : documents.serves(req)
        ? documents.answer(req, res, () => handle(req, res))
        : handle(req, res);
  answer.catch((error: unknown) => {
    logger.error({ err: error, url: req.url }, "request handler failed");
    if (!res.headersSent) res.writeHead(500, { ...apiAnswerHeaders(), "content-type": "application/json" });
    res.end(JSON.stringify({ code: "INTERNAL_SERVER_ERROR", message: "Something went wrong on our side." }));
  });
});
// Renders through this same server (its request handler above serves from this cache).
const documents = createDocumentCache({
  render: renderThrough(server),
  visitorState: async (sessionId) => visitorState(await getDb(), sessionId),
  ttlMs: env.DOCUMENT_CACHE_SECONDS * 1000,
  maxBytes: env.DOCUMENT_CACHE_MEGABYTES * 1024 * 1024,
  hosts: cachedHosts(env.AUTH_URL, env.PORT),
});
const connections = trackConnections(server);
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

server.listen(env.PORT, env.HOSTNAME, () => {
  logger.info({ port: env.PORT, hostname: env.HOSTNAME ?? "*" }, "storefront listening");
  if (env.DOCUMENT_CACHE_SECONDS > 0) followCatalogChanges(documents);
});

async function waitForDrain(deadline: number): Promise<void> {
  while (connections.busy() && Date.now() < deadline) {
    connections.closeIdle();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  const started = Date.now();
  const deadline = started + env.SHUTDOWN_TIMEOUT_SECONDS * 1000;
  logger.info({ signal, inFlight }, "shutting down: no new connections, draining");
  beginShutdown();
  connections.stopListening();
  connections.closeIdle();
  const report = (name: string, error: unknown) => logger.warn({ err: error, hook: name }, "shutdown step failed");
  await runShutdownPhase("release", 5_000, report);
  await waitForDrain(deadline);
  const cut = inFlight;
  server.closeAllConnections();
  // Running jobs get what is left of the deadline (and at least a few seconds), then go back to the queue.
  await runShutdownPhase("finish", Math.max(deadline - Date.now(), 0) + 5_000, report);
  await runShutdownPhase("close", 5_000, report);
  await app.close().catch((error: unknown) => report("next", error));
  logger.info({ cut, ms: Date.now() - started }, "shut down");
  process.exit(0);
}

process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
