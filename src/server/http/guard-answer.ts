import type { TRPCError } from "@trpc/server";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";

const TRPC_PREFIX = "/api/trpc/";

export interface Refusal {
  status: number;
  /** The code REST clients read (`{ code, message }`), e.g. PAYLOAD_TOO_LARGE or URI_TOO_LONG. */
  code: string;
  /** The tRPC code the typed client reads; tRPC has none for some HTTP refusals (414, 411). */
  trpcCode: TRPCError["code"];
  message: string;
}

function proceduresIn(pathname: string): string[] {
  const list = pathname.slice(TRPC_PREFIX.length);
  try {
    return decodeURIComponent(list).split(",");
  } catch {
    return [list];
  }
}

/**
 * The body of a refusal made before any route runs (a cross-site request, a
 * body or address too long, a malformed one), in the shape of the face that
 * was called: tRPC's error envelope on /api/trpc (one per procedure of a
 * batch), so the typed client reads it as a TRPCClientError with its code,
 * and the contract's `{ code, message }` everywhere else.
 */
export function refusalBody(url: URL, refusal: Refusal): string {
  const { status, code, trpcCode, message } = refusal;
  if (!url.pathname.startsWith(TRPC_PREFIX)) return JSON.stringify({ code, message });
  const envelope = (path: string) => ({
    error: { message, code: TRPC_ERROR_CODES_BY_KEY[trpcCode], data: { code: trpcCode, httpStatus: status, path } },
  });
  const procedures = proceduresIn(url.pathname);
  return JSON.stringify(
    url.searchParams.get("batch") === "1" ? procedures.map(envelope) : envelope(procedures[0] ?? ""),
  );
}
