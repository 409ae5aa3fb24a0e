"use client";

import { HydrationBoundary, useQueryClient, type DehydratedState } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

/**
 * Hydrates what the server sent, counting data the browser does not hold yet
 * as fresh from the moment it arrives. The dehydrated queries carry the time
 * of the render, and a page may arrive long after it: a cached copy (up to
 * DOCUMENT_CACHE_SECONDS old), or a browser whose clock runs ahead of the
 * server's. Counted from the render, such data is already stale and every
 * visitor would fetch again what the page just brought. The page stays current
 * without that: catalog changes drop cached copies and its live stream replays
 * the rest. Data the browser already holds keeps React Query's own rule
 * (newer wins).
 */
export function FreshHydrationBoundary({ state, children }: { state: DehydratedState; children: ReactNode }) {
  const client = useQueryClient();
  const [arrived] = useState(() => {
    const now = Date.now();
    return {
      ...state,
      queries: state.queries.map((query) =>
        client.getQueryState(query.queryKey) === undefined
          ? { ...query, state: { ...query.state, dataUpdatedAt: Math.max(query.state.dataUpdatedAt, now) } }
          : query,
      ),
    };
  });
  return <HydrationBoundary state={arrived}>{children}</HydrationBoundary>;
}
