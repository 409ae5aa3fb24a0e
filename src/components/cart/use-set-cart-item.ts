"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/**
 * cart.setItem with an optimistic cache update: the cart changes on screen at
 * once, rolls back if the server refuses, and ends with the server's version.
 */
export function useSetCartItem() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cartKey = trpc.cart.get.queryKey();
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
      onSuccess: (cart) => queryClient.setQueryData(cartKey, cart),
    }),
  );
}
