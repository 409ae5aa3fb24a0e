import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { limitBody } from "../http/body-limit";
import type { Context } from "./context";
import { appRouter } from "./root";

/** The /api/trpc endpoint: the route handler and the HTTP-level tests both go through here. */
export async function handleTrpcRequest(
  request: Request,
  createContext: (request: Request) => Promise<Context>,
): Promise<Response> {
  const limited = await limitBody(request);
  if (limited instanceof Response) return limited;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: limited,
    router: appRouter,
    createContext: () => createContext(limited),
  });
}
