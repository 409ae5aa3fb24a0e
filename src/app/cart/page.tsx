import { CartView } from "@/components/cart/cart-view";
import { requireActor } from "@/server/auth/require-actor";
import { storeTaxMode } from "@/server/tax-mode";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";

export const metadata = { title: "Your cart" };

export default async function CartPage() {
  await requireActor("/cart");
  await getQueryClient().prefetchQuery(trpc.cart.get.queryOptions());
  return (
    <HydrateClient>
      <h1>Your cart</h1>
      <CartView taxMode={storeTaxMode()} />
    </HydrateClient>
  );
}
