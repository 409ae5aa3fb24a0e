const BASE = "http://storefront.invalid";

/**
 * Only same-site paths: an open redirect after sign-in would be a phishing aid.
 * Resolving against a fixed origin catches the tricks that name another host
 * outright (//host, /\host, tabs and newlines that browsers strip). Resolving
 * also removes dot segments, so `/.//host` or `/%2e%2e//host` come out as
 * `//host`: a path that starts with two slashes (or a slash and a backslash)
 * is another site to a browser, and is refused too.
 */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || /[\u0000-\u001f\\]/.test(value)) return fallback;
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE) return fallback;
    const path = `${url.pathname}${url.search}${url.hash}`;
    return /^\/[/\\]/.test(path) ? fallback : path;
  } catch {
    return fallback;
  }
}
