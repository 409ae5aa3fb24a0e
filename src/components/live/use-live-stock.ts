"use client";

import { useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { liveConnection, type LiveConnection } from "./live-connection";

/**
 * Streams stock changes (for the products named, or all) into every cached
 * query that shows them: catalog pages, product pages and the cart. `since`
 * is the event the page's data was read at: changes after it are replayed.
 */
export function useLiveStock(productIds: string[] | undefined, since: string | undefined): LiveConnection {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const subscription = useSubscription(
    trpc.live.stock.subscriptionOptions(
      { ...(productIds ? { productIds } : {}), lastEventId: since },
      {
        onData: ({ data }) => {
          if (data.kind === "refresh") {
            // Events were missed and are gone: refetch what shows stock.
            void queryClient.invalidateQueries(trpc.catalog.pathFilter());
            void queryClient.invalidateQueries(trpc.cart.get.queryFilter());
            return;
          }
          const { productId, stock } = data;
          const withStock = <P extends { id: string; stock: number }>(product: P): P =>
            product.id === productId ? { ...product, stock } : product;
          queryClient.setQueriesData<InfiniteData<RouterOutputs["catalog"]["list"]>>(
            trpc.catalog.list.infiniteQueryFilter(),
            (list) =>
              list
                ? { ...list, pages: list.pages.map((page) => ({ ...page, items: page.items.map(withStock) })) }
                : list,
          );
          queryClient.setQueriesData<RouterOutputs["catalog"]["bySlug"]>(
            trpc.catalog.bySlug.queryFilter(),
            (product) => (product ? withStock(product) : product),
          );
          const cartKey = trpc.cart.get.queryKey();
          const cart = queryClient.getQueryData(cartKey);
          if (cart?.items.some((item) => item.product.id === productId)) {
            queryClient.setQueryData(cartKey, {
              ...cart,
              items: cart.items.map((item) => ({ ...item, product: withStock(item.product) })),
            });
            // Stock moved for something in this cart, perhaps bought by this customer in another tab: recheck it.
            void queryClient.invalidateQueries({ queryKey: cartKey });
          }
        },
      },
    ),
  );
  return liveConnection(subscription);
}
