import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createRequestContext } from "@/server/api/request-context";
import { tooLargeResponse } from "@/server/http/body-limit";

function handler(request: Request) {
  const tooLarge = tooLargeResponse(request);
  if (tooLarge) return tooLarge;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createRequestContext(request.headers, request.headers.get("x-request-id") ?? undefined),
  });
}

export { handler as GET, handler as POST };
