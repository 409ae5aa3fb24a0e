import { handleTrpcRequest } from "@/server/api/http-handler";
import { createRequestContext } from "@/server/api/request-context";
import { corsPreflight, withCors } from "@/server/http/cors";

async function handler(request: Request) {
  const response = await handleTrpcRequest(request, (limited) =>
    createRequestContext(limited.headers, { requestId: limited.headers.get("x-request-id") ?? undefined }),
  );
  return withCors(request, response);
}

export { handler as GET, handler as POST };
export const OPTIONS = (request: Request) => corsPreflight(request);
