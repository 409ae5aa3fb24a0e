import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { publicError, type FieldIssue } from "../error-format";

/** The REST face's error body (CONTRACT.md, "Errors"). */
export interface RestErrorBody {
  code: TRPCError["code"];
  message: string;
  issues?: FieldIssue[];
  details?: Record<string, unknown>;
}

export function restErrorResponse(error: TRPCError, headers: Headers): Response {
  const { message, issues, details } = publicError(error);
  const body: RestErrorBody = {
    code: error.code,
    message,
    ...(issues ? { issues } : {}),
    ...(details ? { details } : {}),
  };
  const retryAfter = details?.retryAfterSeconds;
  if (typeof retryAfter === "number") headers.set("Retry-After", String(retryAfter));
  return Response.json(body, { status: getHTTPStatusCodeFromError(error), headers });
}

/** A REST error that never reached a procedure (unknown path, bad JSON, wrong method). */
export function restError(code: TRPCError["code"], message: string, headers = new Headers()): Response {
  return restErrorResponse(new TRPCError({ code, message }), headers);
}
