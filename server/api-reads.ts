import type { IncomingMessage, ServerResponse } from "node:http";
import { incomingMessageToRequest } from "@trpc/server/adapters/node-http";
import { serveTrpc } from "../src/server/api/trpc-endpoint";
import { isDecodablePath, MALFORMED_ADDRESS_MESSAGE } from "../src/server/http/address-check";
import { apiAnswerHeaders } from "../src/server/http/api-answer-headers";
import { MAX_BODY_BYTES } from "../src/server/http/body-limit";
import { refuse } from "./refuse";
import { writeBody } from "./write-body";

/**
 * tRPC queries are most of the API's traffic and need nothing from Next.js:
 * routing one through Next and its proxy costs several times the procedure
 * itself (bench/README.md). Reads go straight to the same endpoint the route
 * handler uses, with the proxy's checks and headers. Writes keep Next's path;
 * live streams have a server path of their own (./live-streams.ts).
 */
export function isDirectApiRead(req: IncomingMessage): boolean {
  const url = req.url ?? "";
  return req.method === "GET" && url.startsWith("/api/trpc/") && !url.startsWith("/api/trpc/live.");
}

export async function answerApiRead(req: IncomingMessage, res: ServerResponse): Promise<void> {
  for (const [name, value] of Object.entries(apiAnswerHeaders())) res.setHeader(name, value);
  const pathname = (req.url ?? "").split("?")[0] ?? "";
  if (!isDecodablePath(pathname)) {
    refuse(req, res, { status: 400, code: "BAD_REQUEST", trpcCode: "BAD_REQUEST", message: MALFORMED_ADDRESS_MESSAGE });
    return;
  }
  const request = incomingMessageToRequest(req, res, { maxBodySize: MAX_BODY_BYTES });
  const response = await serveTrpc(request);
  for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  res.writeHead(response.status);
  await writeBody(res, response.body);
}
