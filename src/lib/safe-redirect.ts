const BASE = "http://storefront.invalid";

/**
 * Only same-site paths: an open redirect after sign-in would be a phishing aid.
 * Resolving against a fixed origin catches every trick (//host, /\host, tabs
 * and newlines that browsers strip) in one check.
 */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || /[\u0000-\u001f\\]/.test(value)) return fallback;
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
