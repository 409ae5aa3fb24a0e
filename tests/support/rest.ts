import type { Db } from "@/server/db/types";
import { handleRestRequest } from "@/server/api/rest/rest-handler";
import type { RestErrorBody } from "@/server/api/rest/rest-errors";
import { testContext } from "./callers";

export interface RestOptions {
  token?: string;
  headers?: Record<string, string>;
  /** A JSON value to send, or a raw string body. */
  body?: unknown;
  rawBody?: string;
  /** The caller's address (as the server would see it); a fresh one per call otherwise. */
  clientIp?: string;
}

/** Calls the REST face's handler as a real HTTP request would reach it (no server, same code path). */
export async function restCall(db: Db, method: string, path: string, options: RestOptions = {}) {
  const raw = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  if (raw !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  if (raw !== undefined) headers.set("content-length", String(Buffer.byteLength(raw)));
  const request = new Request(`http://localhost/api/v1${path}`, { method, headers, body: raw });
  const response = await handleRestRequest(request, async (limited) =>
    testContext(db, { headers: limited.headers, clientIp: options.clientIp }),
  );
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: (text ? JSON.parse(text) : undefined) as unknown,
  };
}

/** Asserts the contract's REST error shape and returns it typed. */
export function restErrorBody(json: unknown): RestErrorBody {
  const body = json as RestErrorBody;
  if (typeof body?.code !== "string" || typeof body?.message !== "string") {
    throw new Error(`not a REST error body: ${JSON.stringify(json)}`);
  }
  return body;
}
