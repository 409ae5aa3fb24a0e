"use client";

import { useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { liveConnection, type LiveConnection } from "./live-connection";

/**
 * Streams the signed-in customer's order status changes into the cached order
 * list and order pages, replaying those after `since` (where the page's data was read).
 */
export function useLiveOrders(since: string | undefined): LiveConnection {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const subscription = useSubscription(
    trpc.live.orders.subscriptionOptions(
      { lastEventId: since },
      {
        onData: ({ data }) => {
          if (data.kind === "refresh") {
            void queryClient.invalidateQueries(trpc.orders.pathFilter());
            return;
          }
          const { orderId, status } = data;
          queryClient.setQueriesData<InfiniteData<RouterOutputs["orders"]["list"]>>(
            trpc.orders.list.infiniteQueryFilter(),
            (list) =>
              list
                ? {
                    ...list,
                    pages: list.pages.map((page) => ({
                      ...page,
                      items: page.items.map((order) => (order.id === orderId ? { ...order, status } : order)),
                    })),
                  }
                : list,
          );
          const detailKey = trpc.orders.byId.queryKey({ id: orderId });
          queryClient.setQueryData(detailKey, (order) => (order ? { ...order, status } : order));
          // The status shows at once; the history line and refunds come with a refetch.
          void queryClient.invalidateQueries({ queryKey: detailKey });
        },
      },
    ),
  );
  return liveConnection(subscription);
}
