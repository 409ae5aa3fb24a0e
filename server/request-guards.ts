import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_BODY_BYTES } from "../src/server/http/body-limit";
import { CLIENT_ADDRESS_HEADER, resolveClientIp, vouchedClientAddress } from "../src/server/http/client-ip";
import { DOCUMENT_RENDER_HEADER } from "../src/server/http/document-render";
import { isOwnServerSecret, vouchedValue } from "../src/server/http/own-server";
import { isValidRequestId, REQUEST_ID_HEADER } from "../src/server/http/request-id";
import { refuse, refuseAfterReading } from "./refuse";

export const MAX_URL_LENGTH = 8 * 1024;

function headerOf(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === "string" ? value : null;
}

/**
 * The address the request really came from (the TCP peer, or what the proxies
 * the deployment trusts say), signed so that no caller can set it. A page render
 * this server makes for a visitor (server/document-render-request.ts) keeps the
 * visitor's address, so the render's reads are charged to them.
 */
function recordClientAddress(req: IncomingMessage): void {
  const carried = headerOf(req, CLIENT_ADDRESS_HEADER);
  if (carried && isOwnServerSecret(headerOf(req, DOCUMENT_RENDER_HEADER)) && vouchedValue(carried)) return;
  const address = req.socket.remoteAddress ?? "";
  const peer = address.startsWith("::ffff:") ? address.slice(7) : address;
  const resolved = resolveClientIp({ get: (name) => headerOf(req, name) }, peer);
  req.headers[CLIENT_ADDRESS_HEADER] = vouchedClientAddress(resolved);
}

/** A host name or IPv4 address, or a bracketed IPv6 address, with an optional port. */
const HOST_HEADER = /^(?:[a-z0-9_](?:[a-z0-9_.-]{0,252})|\[[0-9a-f:.]{2,45}\])(?::\d{1,5})?$/i;

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
    const message = `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`;
    refuseAfterReading(req, res, { status: 413, code: "PAYLOAD_TOO_LARGE", trpcCode: "PAYLOAD_TOO_LARGE", message });
    return false;
  }
  const streamed = declared === undefined && req.headers["transfer-encoding"] !== undefined;
  if (streamed && !CAPS_ITS_OWN_BODIES.test(req.url ?? "")) {
    const message = "Send a Content-Length with the request body.";
    refuseAfterReading(req, res, { status: 411, code: "LENGTH_REQUIRED", trpcCode: "BAD_REQUEST", message });
    return false;
  }
  return true;
}

/** Everything decided before Next.js sees a request; false when it has already been answered. */
export function guardRequest(req: IncomingMessage, res: ServerResponse): boolean {
  recordClientAddress(req);
  assignRequestId(req, res);
  const host = req.headers.host;
  if (host !== undefined && !HOST_HEADER.test(host)) {
    refuse(req, res, {
      status: 400,
      code: "BAD_REQUEST",
      trpcCode: "BAD_REQUEST",
      message: "The Host header is not a host name.",
    });
    return false;
  }
  if ((req.url ?? "").length > MAX_URL_LENGTH) {
    const message = `The address is longer than ${MAX_URL_LENGTH / 1024} KiB.`;
    refuse(req, res, { status: 414, code: "URI_TOO_LONG", trpcCode: "BAD_REQUEST", message });
    return false;
  }
  return capBody(req, res);
}
