import { withCors } from "../http/cors";
import { REQUEST_ID_HEADER } from "../http/request-id";
import { handleTrpcRequest } from "./http-handler";
import { createRequestContext } from "./request-context";

/**
 * /api/trpc for a real request: the Next route handler and the production
 * server's direct path for reads (server/api-reads.ts) both answer through here.
 */
export async function serveTrpc(request: Request): Promise<Response> {
  const response = await handleTrpcRequest(request, (limited) =>
    createRequestContext(limited.headers, { requestId: limited.headers.get(REQUEST_ID_HEADER) ?? undefined }),
  );
  return withCors(request, response);
}
