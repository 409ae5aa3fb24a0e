import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { z } from "zod";
import { DomainError } from "../domain/errors";

export interface FieldIssue {
  path: string;
  message: string;
}

/** `data` of every error a client sees; domain details such as `productIds` sit beside the fixed keys. */
export interface PublicErrorData {
  code: TRPCError["code"];
  httpStatus: number;
  path?: string;
  issues?: FieldIssue[];
  [detail: string]: unknown;
}

export const INTERNAL_ERROR_MESSAGE = "Something went wrong on our side. Please try again.";

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
}

function describeIssues(issues: FieldIssue[]): string {
  const described = issues.slice(0, 3).map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : "";
  return `Invalid input. ${described.join("; ")}${more}`;
}

/**
 * The one place that decides what a failure looks like to a client: a readable
 * message, field issues for bad input, safe details from the domain, and
 * nothing internal (no stack, no SQL) for anything unexpected.
 */
export function publicError(error: TRPCError): {
  message: string;
  issues?: FieldIssue[];
  details?: Record<string, unknown>;
} {
  if (error.code === "INTERNAL_SERVER_ERROR") return { message: INTERNAL_ERROR_MESSAGE };
  if (error.cause instanceof z.ZodError) {
    const issues = fieldIssues(error.cause);
    return { message: describeIssues(issues), issues };
  }
  if (error.cause instanceof DomainError) {
    // A rule about one field (a common password) reports it like a zod issue, so forms show it in place.
    const { issues, ...details } = error.cause.details ?? {};
    return {
      message: error.cause.message,
      ...(Array.isArray(issues) ? { issues: issues as FieldIssue[] } : {}),
      ...(Object.keys(details).length > 0 ? { details } : {}),
    };
  }
  return { message: error.message };
}

/**
 * The error as tRPC's own answer carries it (`errorFormatter` in ./trpc.ts
 * builds the same), for server paths that write tRPC's wire format
 * themselves, such as the production server's live streams.
 */
export function trpcErrorShape(error: TRPCError, path: string | undefined) {
  const { message, issues, details } = publicError(error);
  const data: PublicErrorData = {
    // Safe domain details (e.g. productIds) sit beside the fixed keys, which always win.
    ...details,
    code: error.code,
    httpStatus: getHTTPStatusCodeFromError(error),
    path,
    ...(issues ? { issues } : {}),
  };
  return { code: TRPC_ERROR_CODES_BY_KEY[error.code], message, data };
}
