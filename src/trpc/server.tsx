import "server-only";

import { dehydrate } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache, type ReactNode } from "react";
import { appRouter } from "@/server/api/root";
import { createRequestContext } from "@/server/api/request-context";
import { getCurrentActor } from "@/server/auth/current-actor";
import { FreshHydrationBoundary } from "./fresh-hydration";
import { makeQueryClient } from "./query-client";

/** One query client and one context per server request. */
export const getQueryClient = cache(makeQueryClient);

const createRscContext = cache(async () =>
  createRequestContext(new Headers(await headers()), { identity: getCurrentActor() }),
);

/** queryOptions()/infiniteQueryOptions() for prefetching in server components, no HTTP involved. */
export const trpc = createTRPCOptionsProxy({
  router: appRouter,
  ctx: createRscContext,
  queryClient: getQueryClient,
});

/** Sends everything prefetched in this request to the client's React Query cache. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return <FreshHydrationBoundary state={dehydrate(getQueryClient())}>{children}</FreshHydrationBoundary>;
}

/**
 * The live position to subscribe from, read before the page's data: events
 * committed after it reach the page through its live stream, however long
 * the render (or a cached copy of it) took to arrive.
 */
export async function livePosition(): Promise<string> {
  const { lastEventId } = await getQueryClient().fetchQuery(trpc.live.position.queryOptions());
  return lastEventId;
}
