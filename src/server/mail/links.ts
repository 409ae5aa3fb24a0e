import { env } from "@/env";

/**
 * The shop's public origin for absolute links (mail, the sitemap, canonical and share addresses):
 * AUTH_URL, or this server on localhost in development.
 */
export function shopOrigin(): string {
  return (env.AUTH_URL ? new URL(env.AUTH_URL).origin : `http://localhost:${env.PORT}`).replace(/\/$/, "");
}

/** An absolute link to a path of the shop, for a mail. */
export function shopLink(path: string, query: Record<string, string> = {}): string {
  const url = new URL(path, `${shopOrigin()}/`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.toString();
}
