import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { createContext, type ContextOptions } from "@/server/api/context";
import { handleTrpcRequest } from "@/server/api/http-handler";
import { createCaller } from "@/server/api/root";
import type { Db } from "@/server/db/types";
import type { Actor } from "@/server/domain/actor";
import { signUp } from "@/server/domain/users/sign-up";
import { eventBusFor } from "./database";

let addressCounter = 0;

/** A unique client address per caller, so rate limits only bite where a test wants them to. */
export function uniqueClientIp(): string {
  addressCounter += 1;
  return `10.0.${Math.floor(addressCounter / 250)}.${addressCounter % 250}`;
}

/** A request context on a test database: its event bus, no headers and a fresh client address unless given. */
export function testContext(db: Db, options: Partial<Omit<ContextOptions, "db">> = {}) {
  return createContext({
    ...options,
    headers: options.headers ?? new Headers(),
    clientIp: options.clientIp ?? uniqueClientIp(),
    getEventBus: options.getEventBus ?? eventBusFor(db),
    db,
  });
}

export function callerFor(
  db: Db,
  actor: Actor | null,
  options: { clientIp?: string; headers?: Headers; signal?: AbortSignal } = {},
) {
  return createCaller(
    testContext(db, {
      actor: options.headers ? undefined : actor,
      headers: options.headers,
      clientIp: options.clientIp,
    }),
    { signal: options.signal },
  );
}

export async function createCustomer(db: Db, overrides: Partial<{ email: string; name: string }> = {}): Promise<Actor> {
  return signUp(db, {
    email: overrides.email ?? `customer-${randomUUID()}@example.test`,
    name: overrides.name ?? "Test Customer",
    password: "correct horse battery",
  });
}

/** Awaits a rejection and checks it is a TRPCError with this code. */
export async function expectTrpcError(promise: Promise<unknown>, code: TRPCError["code"]): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(TRPCError);
  const trpcError = error as TRPCError;
  expect(trpcError.code).toBe(code);
  return trpcError;
}

export interface HttpErrorBody {
  error: {
    message: string;
    data: {
      code: string;
      httpStatus: number;
      issues?: { path: string; message: string }[];
      stack?: string;
      [detail: string]: unknown;
    };
  };
}

/** Calls a procedure through the real /api/trpc HTTP handler (GET for queries, POST for mutations). */
export async function httpCall(
  db: Db,
  path: string,
  input: unknown,
  options: { method?: "GET" | "POST"; actor?: Actor | null; body?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const method = options.method ?? "GET";
  const url = new URL(`http://localhost/api/trpc/${path}`);
  if (method === "GET" && input !== undefined) url.searchParams.set("input", JSON.stringify(input));
  const body = method === "POST" ? (options.body ?? JSON.stringify(input)) : undefined;
  const request = new Request(url, {
    method,
    body,
    headers: {
      "content-type": "application/json",
      ...(body ? { "content-length": String(Buffer.byteLength(body)) } : {}),
      ...options.headers,
    },
  });
  // With explicit headers the identity comes from them (a bearer token, a cookie), as in production.
  const actor = options.headers ? undefined : (options.actor ?? null);
  return handleTrpcRequest(request, async (limited) => testContext(db, { headers: limited.headers, actor }));
}
