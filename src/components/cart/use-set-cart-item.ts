"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/**
 * cart.setItem with an optimistic cache update: the cart changes on screen at
 * once and rolls back if the server refuses. With several changes in flight,
 * only the last one to settle refetches, so an early answer never overwrites a
 * later optimistic change.
 */
export function useSetCartItem() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cartKey = trpc.cart.get.queryKey();
  const mutationKey = trpc.cart.setItem.mutationKey();
  return useMutation(
    trpc.cart.setItem.mutationOptions({
      onMutate: async ({ productId, quantity }) => {
        await queryClient.cancelQueries({ queryKey: cartKey });
        const previous = queryClient.getQueryData(cartKey);
        if (previous) {
          const items = previous.items
            .map((item) => (item.product.id === productId ? { ...item, quantity } : item))
            .filter((item) => item.quantity > 0);
          const subtotalCents = items.reduce((sum, item) => sum + item.product.priceCents * item.quantity, 0);
          queryClient.setQueryData(cartKey, { ...previous, items, subtotalCents });
        }
        return { previous };
      },
      onError: (_error, _input, context) => {
        if (context?.previous) queryClient.setQueryData(cartKey, context.previous);
      },
      onSettled: () => {
        if (queryClient.isMutating({ mutationKey }) === 1) void queryClient.invalidateQueries({ queryKey: cartKey });
        // A checkout quote priced the old cart.
        void queryClient.invalidateQueries(trpc.checkout.quote.pathFilter());
      },
    }),
  );
}
