"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/trpc/react";

/** Reads the hydrated cart, so every cart mutation that updates the cache updates this count too. */
export function CartLink() {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.cart.get.queryOptions());
  const count = data?.items.reduce((sum, item) => sum + item.quantity, 0) ?? 0;
  return (
    <Link href="/cart" data-testid="cart-link" aria-label={`Cart, ${count} ${count === 1 ? "item" : "items"}`}>
      Cart ({count})
    </Link>
  );
}
