import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { apiAnswerHeaders } from "../src/server/http/api-answer-headers";
import { MAX_BODY_BYTES } from "../src/server/http/body-limit";
import { PEER_ADDRESS_HEADER } from "../src/server/http/client-ip";
import { corsAnswerHeaders } from "../src/server/http/cors";
import { isValidRequestId, REQUEST_ID_HEADER } from "../src/server/http/request-id";

export const MAX_URL_LENGTH = 8 * 1024;

/**
 * An answer before Next.js: the contract's error shape, the headers every
 * answer carries, and CORS for an allowed origin (so its pages can read why).
 */
function reject(req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string): void {
  const origin = req.headers.origin;
  res.writeHead(status, {
    ...apiAnswerHeaders(),
    ...corsAnswerHeaders(typeof origin === "string" ? origin : null),
    "content-type": "application/json",
    "cache-control": "no-store",
    connection: "close",
  });
  res.end(JSON.stringify({ code, message }));
}

/** The address the request really came from: a header only this server sets, never the client. */
function recordPeer(req: IncomingMessage): void {
  const address = req.socket.remoteAddress ?? "";
  req.headers[PEER_ADDRESS_HEADER] = address.startsWith("::ffff:") ? address.slice(7) : address;
}

/** The caller's request id when it is well-formed, else a new one; on the request and the response. */
function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const offered = req.headers[REQUEST_ID_HEADER];
  const id = typeof offered === "string" && isValidRequestId(offered) ? offered : randomUUID();
  req.headers[REQUEST_ID_HEADER] = id;
  res.setHeader("X-Request-Id", id);
  return id;
}

/** The API reads bodies through a cap of its own (src/server/http/body-limit.ts), streamed ones included. */
const CAPS_ITS_OWN_BODIES = /^\/api\/(trpc|v1)\//;

/**
 * Keeps every body under MAX_BODY_BYTES, whatever route it is for (Auth.js,
 * server actions, tRPC, REST): a declared length over the cap is refused up
 * front; a body of unknown length (chunked) is refused outside the API, whose
 * handlers count streamed bytes themselves. (Counting here would mean reading
 * the stream before Next.js does.)
 */
function capBody(req: IncomingMessage, res: ServerResponse): boolean {
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > MAX_BODY_BYTES) {
    reject(req, res, 413, "PAYLOAD_TOO_LARGE", `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
    return false;
  }
  const streamed = declared === undefined && req.headers["transfer-encoding"] !== undefined;
  if (streamed && !CAPS_ITS_OWN_BODIES.test(req.url ?? "")) {
    reject(req, res, 411, "LENGTH_REQUIRED", "Send a Content-Length with the request body.");
    return false;
  }
  return true;
}

/** Everything decided before Next.js sees a request; false when it has already been answered. */
export function guardRequest(req: IncomingMessage, res: ServerResponse): boolean {
  delete req.headers[PEER_ADDRESS_HEADER];
  recordPeer(req);
  assignRequestId(req, res);
  if ((req.url ?? "").length > MAX_URL_LENGTH) {
    reject(req, res, 414, "URI_TOO_LONG", `The address is longer than ${MAX_URL_LENGTH / 1024} KiB.`);
    return false;
  }
  return capBody(req, res);
}
