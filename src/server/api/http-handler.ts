import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { carriesCredentials } from "../auth/credentials";
import { bodyTooLargeMessage, limitBody } from "../http/body-limit";
import type { Context } from "./context";
import { appRouter } from "./root";

/** A request whose empty body reads as "no input" instead of failing to parse as JSON. */
class EmptyBodyRequest extends Request {
  override json(): Promise<undefined> {
    return Promise.resolve(undefined);
  }
}

/** tRPC reads a POST body as JSON; an empty one (a mutation without input) must mean "no input". */
async function withEmptyBodyAsNoInput(request: Request): Promise<Request> {
  if (request.method !== "POST" || new URL(request.url).searchParams.has("batch")) return request;
  const body = await request.arrayBuffer();
  if (body.byteLength > 0) return new Request(request.url, { method: "POST", headers: request.headers, body });
  return new EmptyBodyRequest(request.url, { method: "POST", headers: request.headers });
}

export const MAX_BATCH_SIZE = 20;

function tooLarge(): Response {
  return Response.json(
    { error: { code: -32600, message: bodyTooLargeMessage, data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413 } } },
    { status: 413 },
  );
}

/** The /api/trpc endpoint: the route handler and the HTTP-level tests both go through here. */
export async function handleTrpcRequest(
  request: Request,
  createContext: (request: Request) => Promise<Context>,
): Promise<Response> {
  const limited = await limitBody(request);
  if (!limited) return tooLarge();
  const prepared = await withEmptyBodyAsNoInput(limited);
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: prepared,
    router: appRouter,
    // One request may carry a page's worth of calls, not a thousand (the browser link sends at most as many).
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: () => createContext(prepared),
    responseMeta({ errors }) {
      const headers: Record<string, string> = {};
      const retryAfter = errors
        .map((error) => (error.cause as { details?: { retryAfterSeconds?: unknown } } | undefined)?.details)
        .find((details) => typeof details?.retryAfterSeconds === "number")?.retryAfterSeconds;
      if (typeof retryAfter === "number") headers["Retry-After"] = String(retryAfter);
      if (carriesCredentials(prepared.headers)) headers["Cache-Control"] = "private, no-store";
      return { headers };
    },
  });
}
