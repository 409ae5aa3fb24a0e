/**
 * The Host header values the page cache serves: the public origin's (AUTH_URL)
 * when it is set, else this machine's own names on the port. Anything else a
 * client writes there is answered by Next.js, uncached.
 */
export function cachedHosts(authUrl: string | undefined, port: number): string[] {
  if (authUrl) return [new URL(authUrl).host];
  return [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`];
}
