import { QueryClient } from "@tanstack/react-query";

/** One factory for the server (per request) and the browser (one per tab). */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Hydrated data is fresh: the browser must not refetch what the server just sent.
        staleTime: 30_000,
        // Server-side calls are in-process: a retry would only repeat the same answer, slower.
        retry:
          typeof window === "undefined" ? false : (failureCount, error) => failureCount < 2 && !isClientError(error),
      },
      // Pages await their prefetches, so only finished, successful queries are sent to the
      // browser; a pending one could later reject (e.g. NOT_FOUND) inside the stream.
    },
  });
}

function isClientError(error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus;
  return typeof status === "number" && status >= 400 && status < 500;
}
