import { NextResponse, type NextRequest } from "next/server";
import { apiPolicy, pagePolicy } from "@/server/http/content-security-policy";
import { isCrossSiteCookieRequest } from "@/server/auth/csrf";
import { isDecodablePath, MALFORMED_ADDRESS_MESSAGE } from "@/server/http/address-check";
import { apiAnswerHeaders } from "@/server/http/api-answer-headers";
import { refusalBody } from "@/server/http/guard-answer";
import {
  DOCUMENT_NONCE_HEADER,
  DOCUMENT_RENDER_HEADER,
  freshNonce,
  requestedRenderNonce,
} from "@/server/http/document-render";
import { isValidRequestId, REQUEST_ID_HEADER } from "@/server/http/request-id";
import { securityHeaders } from "@/server/http/security-headers";

function answer(url: URL, status: number, code: "BAD_REQUEST" | "FORBIDDEN", message: string): NextResponse {
  return new NextResponse(refusalBody(url, { status, code, trpcCode: code, message }), {
    status,
    headers: { ...apiAnswerHeaders(), "content-type": "application/json" },
  });
}

/**
 * Runs before every route: the one place for response headers (a fresh CSP
 * nonce per page), request ids where no server of ours set one, and the
 * refusals that must happen before any route code (malformed addresses,
 * cross-site use of the session cookie). `npm start` answers tRPC reads
 * without Next.js (server/api-reads.ts), applying the same checks and headers.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (!isDecodablePath(pathname)) return answer(request.nextUrl, 400, "BAD_REQUEST", MALFORMED_ADDRESS_MESSAGE);
  if (isCrossSiteCookieRequest(request)) {
    const message = "Another site cannot act with your session here. Use the shop's own pages.";
    return answer(request.nextUrl, 403, "FORBIDDEN", message);
  }

  const requestHeaders = new Headers(request.headers);
  // The document cache's own render (server/document-cache.ts) picks its nonce; nobody else can.
  const renderNonce = requestedRenderNonce(requestHeaders);
  requestHeaders.delete(DOCUMENT_RENDER_HEADER);
  requestHeaders.delete(DOCUMENT_NONCE_HEADER);
  const offered = requestHeaders.get(REQUEST_ID_HEADER);
  const requestId = offered && isValidRequestId(offered) ? offered : crypto.randomUUID();
  requestHeaders.set(REQUEST_ID_HEADER, requestId);

  const isPage = !pathname.startsWith("/api/") || pathname === "/api/docs";
  const nonce = isPage ? (renderNonce ?? freshNonce()) : null;
  const policy = nonce ? pagePolicy(nonce) : apiPolicy;
  if (nonce) {
    // Next reads the nonce from the request's CSP header and puts it on every script it renders.
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", policy);
  }

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(securityHeaders())) response.headers.set(name, value);
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("X-Request-Id", requestId);
  return response;
}

export const config = {
  // Hashed build assets are immutable files: next.config.mjs gives them nosniff, nothing here applies.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
