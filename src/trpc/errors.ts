import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@/server/api/root";

export type AppClientError = TRPCClientError<AppRouter>;

/** The server's message when it sent one, else a sentence for a network failure. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError && error.data) return error.message;
  return "We could not reach the shop. Check your connection and try again.";
}

export function errorCode(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? (error as AppClientError).data?.code : undefined;
}

/** The ids of products a CONFLICT says are short, if it names any. */
export function shortProductIds(error: unknown): string[] {
  if (!(error instanceof TRPCClientError)) return [];
  const ids = (error as AppClientError).data?.productIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : [];
}
