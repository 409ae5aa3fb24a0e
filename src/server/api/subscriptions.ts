import { callTRPCProcedure, TRPCError } from "@trpc/server";
import { isObservable, observableToAsyncIterable } from "@trpc/server/observable";
import type { Context } from "./context";
import { listProcedures } from "./procedures";
import { appRouter } from "./root";

/** Every subscription of the app, by dotted path, read from the router: a new one is streamable as soon as it exists. */
export const subscriptionPaths: ReadonlySet<string> = new Set(
  listProcedures(appRouter)
    .filter((procedure) => procedure.type === "subscription")
    .map((procedure) => procedure.path),
);

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    Symbol.asyncIterator in value &&
    typeof value[Symbol.asyncIterator] === "function"
  );
}

export interface SubscriptionCall {
  path: string;
  ctx: Context;
  input: unknown;
  /** Ends the subscription: the client left, or the stream reached its maximum duration. */
  signal: AbortSignal;
}

/**
 * Opens the subscription at `path` as tRPC's own HTTP handler does (input
 * parsing, access rule, rate limit, middlewares), and hands back what it
 * yields; NOT_FOUND for a path that is not a subscription.
 */
export async function openSubscription({
  path,
  ctx,
  input,
  signal,
}: SubscriptionCall): Promise<AsyncIterable<unknown>> {
  const result: unknown = await callTRPCProcedure({
    router: appRouter,
    path,
    type: "subscription",
    ctx,
    getRawInput: () => Promise.resolve(input),
    signal,
    batchIndex: 0,
  });
  if (isObservable(result)) return observableToAsyncIterable(result, signal);
  if (isAsyncIterable(result)) return result;
  throw new TRPCError({
    code: "INTERNAL_SERVER_ERROR",
    message: `Subscription ${path} did not return an observable or an async iterable`,
  });
}
