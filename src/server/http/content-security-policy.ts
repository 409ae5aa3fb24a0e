import { env, isProduction } from "@/env";

/** Identity providers the sign-in form redirects to: a form's redirect target is governed by form-action. */
function identityProviderOrigins(): string[] {
  const origins: string[] = [];
  if (env.AUTH_GITHUB_ID) origins.push("https://github.com");
  if (env.AUTH_OIDC_ISSUER) origins.push(new URL(env.AUTH_OIDC_ISSUER).origin);
  return origins;
}

/**
 * The policy for HTML: scripts only with this response's nonce (and what they
 * load: 'strict-dynamic'), nothing framed, nothing posted elsewhere. Styles
 * allow inline attributes: components set `style`, which a nonce cannot cover.
 * Pictures may come from any https host: an admin can give a product one there.
 */
export function pagePolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isProduction ? "" : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    ["form-action 'self'", ...identityProviderOrigins()].join(" "),
    "frame-ancestors 'none'",
    ...(isProduction ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The policy for JSON and other non-HTML answers: nothing may load or frame them. */
export const apiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
