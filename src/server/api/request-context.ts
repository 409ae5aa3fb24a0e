import type { Identity } from "../auth/identity";
import { getDb } from "../db/client";
import { getEventBus } from "../events/app-bus";
import { clientIpFrom } from "../http/client-ip";
import { createContext } from "./context";

/** The context for a real request: the shared database and the caller's headers. */
export async function createRequestContext(
  headers: Headers,
  options: { requestId?: string; identity?: Promise<Identity | null> } = {},
) {
  return createContext({ db: await getDb(), headers, clientIp: clientIpFrom(headers), getEventBus, ...options });
}
