import { env } from "@/env";

const ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
const ALLOWED_HEADERS = "authorization, content-type, idempotency-key, last-event-id, trpc-accept, x-request-id";
const EXPOSED_HEADERS = "location, retry-after, x-request-id";

/** The request's Origin when it is on the allow list (CORS_ALLOWED_ORIGINS), else null. */
function allowedOrigin(request: Request, allowed: readonly string[]): string | null {
  const origin = request.headers.get("origin");
  return origin && allowed.includes(origin) ? origin : null;
}

/**
 * The answer to a CORS preflight. Allowed origins get the methods and headers
 * the API uses, credentials included; any other origin gets no CORS headers at
 * all, so the browser refuses the real request. Never `*`.
 */
export function corsPreflight(request: Request, allowed: readonly string[] = env.CORS_ALLOWED_ORIGINS): Response {
  const headers = new Headers({ Vary: "Origin" });
  const origin = allowedOrigin(request, allowed);
  if (origin) {
    headers.set("Access-Control-Allow-Origin", origin);
    headers.set("Access-Control-Allow-Credentials", "true");
    headers.set("Access-Control-Allow-Methods", ALLOWED_METHODS);
    headers.set("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    headers.set("Access-Control-Max-Age", "600");
  }
  return new Response(null, { status: 204, headers });
}

/** The CORS headers of an API answer to a request from `origin`: `Vary` always, the grants only for an allowed one. */
export function corsAnswerHeaders(
  origin: string | null,
  allowed: readonly string[] = env.CORS_ALLOWED_ORIGINS,
): Record<string, string> {
  if (!origin || !allowed.includes(origin)) return { Vary: "Origin" };
  return {
    Vary: "Origin",
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Credentials": "true",
    "Access-Control-Expose-Headers": EXPOSED_HEADERS,
  };
}

/** Adds CORS headers for an allowed origin (and `Vary: Origin` for every origin) to an API answer. */
export function withCors(
  request: Request,
  response: Response,
  allowed: readonly string[] = env.CORS_ALLOWED_ORIGINS,
): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(corsAnswerHeaders(request.headers.get("origin"), allowed))) {
    if (name === "Vary") headers.append(name, value);
    else headers.set(name, value);
  }
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
