import type { Identity } from "../auth/identity";
import { getDb } from "../db/client";
import { getEventBus } from "../events/app-bus";
import { clientIpFrom } from "../http/client-ip";
import { REQUEST_ID_HEADER } from "../http/request-id";
import { createContext } from "./context";

/**
 * The context for a real request: the shared database and the caller's headers. Its request id is the
 * one the server or proxy gave the request (X-Request-Id), so a page's procedure calls log under it too.
 */
export async function createRequestContext(
  headers: Headers,
  options: { requestId?: string; identity?: Promise<Identity | null> } = {},
) {
  const requestId = options.requestId ?? headers.get(REQUEST_ID_HEADER) ?? undefined;
  return createContext({
    db: await getDb(),
    headers,
    clientIp: clientIpFrom(headers),
    getEventBus,
    ...options,
    requestId,
  });
}
