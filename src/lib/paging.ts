/** The page parameter of every keyset-paginated infinite query; server prefetch and client must agree. */
export function nextPageCursor(page: { nextCursor: string | null }): string | undefined {
  return page.nextCursor ?? undefined;
}
