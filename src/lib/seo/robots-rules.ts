import type { MetadataRoute } from "next";

/** What is nobody's to index: personal, admin, checkout and test pages, the API and development tools. */
export const disallowedPaths = [
  "/admin",
  "/account",
  "/orders",
  "/cart",
  "/checkout",
  "/api",
  "/test-provider",
  "/dev",
] as const;

/** robots.txt: the catalog (and its pictures) open to every crawler, the rest closed, and where the sitemap is. */
export function robotsRules(origin: string): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: [...disallowedPaths] },
    sitemap: new URL("/sitemap.xml", `${origin}/`).toString(),
  };
}
