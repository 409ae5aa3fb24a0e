export const ORDERS_PAGE_SIZE = 10;

/** Shared by the server prefetch and the client query so their keys and pages match. */
export function nextOrdersCursor(page: { nextCursor: string | null }): string | undefined {
  return page.nextCursor ?? undefined;
}
