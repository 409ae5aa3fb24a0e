import { CheckoutForm } from "@/components/checkout/checkout-form";
import { requireActor } from "@/server/auth/require-actor";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";

export const metadata = { title: "Checkout" };

export default async function CheckoutPage() {
  await requireActor("/checkout");
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.cart.get.queryOptions()),
    queryClient.prefetchQuery(trpc.account.addresses.list.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <h1 id="checkout-title">Checkout</h1>
      <CheckoutForm />
    </HydrateClient>
  );
}
