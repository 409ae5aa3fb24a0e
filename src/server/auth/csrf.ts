import { env } from "@/env";
import { findSessionToken } from "./session-cookie";

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

// Identity providers may post their answer back cross-site (OIDC form_post); Auth.js checks state and PKCE there.
const EXEMPT_PREFIXES = ["/api/auth/callback/oidc", "/api/auth/callback/github"];

/**
 * True when a request would act with the browser's session cookie but was
 * started by another site: an unsafe method, the session cookie, no bearer
 * token, and `Sec-Fetch-Site` or `Origin` saying cross-site (or `Origin:
 * null`), unless that origin is allowed by CORS_ALLOWED_ORIGINS; and any
 * cross-site post to a page (a server action), cookie or not. Requests with
 * neither header do not come from a browser that could be tricked.
 */
export function isCrossSiteCookieRequest(request: Request, allowedOrigins = env.CORS_ALLOWED_ORIGINS): boolean {
  if (!UNSAFE_METHODS.has(request.method)) return false;
  const headers = request.headers;
  const path = new URL(request.url).pathname;
  // A post to a page is a server action, with its header or as a plain form (progressive enhancement):
  // refused from other sites with or without a cookie (Next.js would answer 500).
  const isServerAction = headers.has("next-action") || !path.startsWith("/api/");
  if (!isServerAction && (headers.has("authorization") || !findSessionToken(headers.get("cookie")))) return false;
  if (EXEMPT_PREFIXES.some((prefix) => path.startsWith(prefix))) return false;
  return isCrossSite(headers, allowedOrigins);
}

function isCrossSite(headers: Headers, allowedOrigins: readonly string[]): boolean {
  const origin = headers.get("origin");
  if (origin !== null && allowedOrigins.includes(origin)) return false;
  if (origin === "null") return true;
  const site = headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return true;
  if (origin === null) return false;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
