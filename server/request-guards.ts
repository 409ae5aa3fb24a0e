import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_BODY_BYTES } from "../src/server/http/body-limit";
import { PEER_ADDRESS_HEADER } from "../src/server/http/client-ip";
import { isValidRequestId, REQUEST_ID_HEADER } from "../src/server/http/request-id";

export const MAX_URL_LENGTH = 8 * 1024;

function reject(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { "content-type": "application/json", connection: "close" });
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

/**
 * Stops a body once it passes MAX_BODY_BYTES, whatever route it is for
 * (Auth.js, server actions, tRPC, REST): a declared length is refused up
 * front, a chunked one when it crosses the line.
 */
function capBody(req: IncomingMessage, res: ServerResponse): boolean {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    reject(res, 413, "PAYLOAD_TOO_LARGE", `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
    req.resume();
    return false;
  }
  let received = 0;
  req.on("data", (chunk: Buffer) => {
    received += chunk.length;
    if (received > MAX_BODY_BYTES && !res.headersSent) {
      reject(res, 413, "PAYLOAD_TOO_LARGE", `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
      req.destroy();
    }
  });
  return true;
}

/** Everything decided before Next.js sees a request; false when it has already been answered. */
export function guardRequest(req: IncomingMessage, res: ServerResponse): boolean {
  delete req.headers[PEER_ADDRESS_HEADER];
  recordPeer(req);
  assignRequestId(req, res);
  if ((req.url ?? "").length > MAX_URL_LENGTH) {
    reject(res, 414, "URI_TOO_LONG", `The address is longer than ${MAX_URL_LENGTH / 1024} KiB.`);
    return false;
  }
  return capBody(req, res);
}
