import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { tooLargeResponse } from "../http/body-limit";
import type { Context } from "./context";
import { appRouter } from "./root";

/** The /api/trpc endpoint: the route handler and the HTTP-level tests both go through here. */
export function handleTrpcRequest(request: Request, createContext: () => Promise<Context>): Promise<Response> {
  const tooLarge = tooLargeResponse(request);
  if (tooLarge) return Promise.resolve(tooLarge);
  return fetchRequestHandler({ endpoint: "/api/trpc", req: request, router: appRouter, createContext });
}
