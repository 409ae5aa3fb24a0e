import type { IncomingMessage, ServerResponse } from "node:http";
import { apiAnswerHeaders } from "../src/server/http/api-answer-headers";
import { corsAnswerHeaders } from "../src/server/http/cors";
import { refusalBody, type Refusal } from "../src/server/http/guard-answer";

/** How much of a refused body is read (and dropped) so the client can read the answer, and for how long at most. */
const DRAIN_BYTES = 32 * 1024 * 1024;
const DRAIN_MS = 10_000;

/**
 * An answer before Next.js, in the called face's error shape, with the headers
 * every answer carries and CORS for an allowed origin (so its pages can read
 * why). The connection closes after it: what the client sends next is not read.
 */
export function refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
  const origin = req.headers.origin;
  res.writeHead(refusal.status, {
    ...apiAnswerHeaders(),
    ...corsAnswerHeaders(typeof origin === "string" ? origin : null),
    "content-type": "application/json",
    "cache-control": "no-store",
    connection: "close",
  });
  res.end(refusalBody(new URL(req.url ?? "/", "http://storefront.invalid"), refusal));
}

/**
 * Refuses a request whose body will not be used, after reading it: closing the
 * connection while a client is still writing makes its write fail (EPIPE), and
 * most clients then never read the answer. The body is dropped as it comes,
 * up to DRAIN_BYTES or DRAIN_MS; a client still sending after that is cut off.
 */
export function refuseAfterReading(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
  let read = 0;
  let answered = false;
  const answer = () => {
    if (answered) return;
    answered = true;
    clearTimeout(timer);
    req.off("data", count);
    refuse(req, res, refusal);
  };
  const count = (chunk: Buffer) => {
    read += chunk.length;
    if (read > DRAIN_BYTES) answer();
  };
  const timer = setTimeout(answer, DRAIN_MS);
  req.on("data", count);
  req.once("end", answer);
  req.once("error", answer);
}
