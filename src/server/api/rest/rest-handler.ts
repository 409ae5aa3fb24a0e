import { TRPCError } from "@trpc/server";
import { carriesCredentials } from "../../auth/credentials";
import { bodyTooLargeMessage, limitBody } from "../../http/body-limit";
import type { Context } from "../context";
import { createCaller } from "../root";
import { operationShape, queryInput } from "./query-input";
import { restOperations, type RestOperation } from "./operations";
import { restError, restErrorResponse } from "./rest-errors";

export const REST_PREFIX = "/api/v1";

const METHODS_WITH_BODY = new Set(["POST", "PUT", "PATCH"]);

type Outcome<T> = { ok: true; value: T } | { ok: false; response: Response };

function pathParams(operation: RestOperation, path: string): Outcome<Record<string, string>> {
  const match = operation.matcher.exec(path);
  const params: Record<string, string> = {};
  try {
    operation.pathParams.forEach((name, index) => (params[name] = decodeURIComponent(match?.[index + 1] ?? "")));
  } catch {
    return { ok: false, response: restError("BAD_REQUEST", "The address contains malformed percent-encoding.") };
  }
  return { ok: true, value: params };
}

async function bodyInput(request: Request): Promise<Outcome<unknown>> {
  const text = await request.text();
  if (text.trim() === "") return { ok: true, value: undefined };
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    return { ok: false, response: restError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as application/json.") };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: restError("BAD_REQUEST", "The request body is not valid JSON.") };
  }
}

function headerInputs(operation: RestOperation, headers: Headers): Outcome<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const [header, field] of Object.entries(operation.rest.headerInputs ?? {})) {
    const value = headers.get(header);
    if (!value) {
      const message = `The ${header} header is required: send a new UUID for each attempt and repeat it to retry safely.`;
      return {
        ok: false,
        response: Response.json(
          { code: "BAD_REQUEST", message, issues: [{ path: header, message: `${header} header is required` }] },
          { status: 400 },
        ),
      };
    }
    values[field] = value;
  }
  return { ok: true, value: values };
}

/** Builds the procedure's input from the path, the query or JSON body, and header inputs. */
async function operationInput(operation: RestOperation, request: Request, path: string): Promise<Outcome<unknown>> {
  const fromPath = pathParams(operation, path);
  if (!fromPath.ok) return fromPath;
  const fromHeaders = headerInputs(operation, request.headers);
  if (!fromHeaders.ok) return fromHeaders;
  let base: unknown;
  if (METHODS_WITH_BODY.has(request.method)) {
    const body = await bodyInput(request);
    if (!body.ok) return body;
    base = body.value;
  } else {
    base = queryInput(operation, new URL(request.url).searchParams);
  }
  const extra = { ...fromPath.value, ...fromHeaders.value };
  if (operationShape(operation).voidInput) {
    return { ok: true, value: base === undefined || Object.keys(base as object).length === 0 ? undefined : base };
  }
  if (base === undefined) return { ok: true, value: Object.keys(extra).length > 0 ? extra : {} };
  if (typeof base !== "object" || base === null || Array.isArray(base)) return { ok: true, value: base };
  // Path and header values win over the same field in the body or query.
  return { ok: true, value: { ...base, ...extra } };
}

function callProcedure(ctx: Context, procedurePath: string, input: unknown): Promise<unknown> {
  let target: unknown = createCaller(ctx);
  for (const segment of procedurePath.split(".")) target = (target as Record<string, unknown>)[segment];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

/** The id a 201 or 202 points its Location at: the output's own, or its order's (an accepted checkout). */
function createdId(output: unknown, accepted: boolean | undefined): string | null {
  const holder = accepted ? (output as { order?: unknown }).order : output;
  const id = (holder as { id?: unknown } | undefined)?.id;
  return typeof id === "string" ? id : null;
}

/**
 * The REST face (/api/v1): routes by the procedures' `openapi` meta, builds
 * the input from path, query or body and declared headers, and calls the same
 * procedure the tRPC face calls, through the server-side caller, so access
 * rules, validation and outputs are the same code on both faces.
 */
export async function handleRestRequest(
  request: Request,
  createContext: (request: Request) => Promise<Context>,
): Promise<Response> {
  const url = new URL(request.url);
  const path = url.pathname.slice(REST_PREFIX.length) || "/";
  const candidates = restOperations.filter((operation) => operation.matcher.test(path));
  if (candidates.length === 0) {
    return restError("NOT_FOUND", `There is no ${request.method} ${url.pathname}. See /api/openapi.json for the API.`);
  }
  const method = request.method === "HEAD" ? "GET" : request.method;
  const operation = candidates.find((candidate) => candidate.method === method);
  if (!operation) {
    const allow = candidates.map((candidate) => candidate.method).join(", ");
    return restError(
      "METHOD_NOT_SUPPORTED",
      `${url.pathname} does not support ${request.method}; use ${allow}.`,
      new Headers({ Allow: allow }),
    );
  }

  const limited = await limitBody(request);
  if (!limited) return restError("PAYLOAD_TOO_LARGE", bodyTooLargeMessage);
  const input = await operationInput(operation, limited, path);
  if (!input.ok) return input.response;

  const headers = new Headers();
  // Answers that depend on who asked must never sit in a shared cache.
  if (carriesCredentials(limited.headers)) headers.set("Cache-Control", "private, no-store");
  try {
    const output = await callProcedure(await createContext(limited), operation.procedurePath, input.value);
    const { created, accepted } = operation.rest;
    if (!created && !accepted) return Response.json(output, { headers });
    const id = createdId(output, accepted);
    if (id) headers.set("Location", `${url.pathname.replace(/\/$/, "")}/${encodeURIComponent(id)}`);
    return Response.json(output, { status: accepted ? 202 : 201, headers });
  } catch (error) {
    const trpcError =
      error instanceof TRPCError ? error : new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error });
    return restErrorResponse(trpcError, headers);
  }
}
