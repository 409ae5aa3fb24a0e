import { getDb } from "../db/client";
import { getEventBus } from "../events/app-bus";
import { clientIpFrom } from "../http/client-ip";
import { createContext } from "./context";

/** The context for a real request: the shared database and the caller's headers. */
export async function createRequestContext(headers: Headers, requestId?: string) {
  return createContext({ db: await getDb(), headers, clientIp: clientIpFrom(headers), requestId, getEventBus });
}
