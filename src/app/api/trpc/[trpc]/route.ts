import { handleTrpcRequest } from "@/server/api/http-handler";
import { createRequestContext } from "@/server/api/request-context";

function handler(request: Request) {
  return handleTrpcRequest(request, (limited) =>
    createRequestContext(limited.headers, limited.headers.get("x-request-id") ?? undefined),
  );
}

export { handler as GET, handler as POST };
