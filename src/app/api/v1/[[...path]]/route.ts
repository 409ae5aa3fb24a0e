import { createRequestContext } from "@/server/api/request-context";
import { handleRestRequest } from "@/server/api/rest/rest-handler";
import { corsPreflight, withCors } from "@/server/http/cors";

async function handler(request: Request) {
  const response = await handleRestRequest(request, (limited) =>
    createRequestContext(limited.headers, { requestId: limited.headers.get("x-request-id") ?? undefined }),
  );
  return withCors(request, response);
}

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE, handler as HEAD };
export const OPTIONS = (request: Request) => corsPreflight(request);
