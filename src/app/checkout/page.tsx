import { CheckoutForm } from "@/components/checkout/checkout-form";
import { requireActor } from "@/server/auth/require-actor";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";

export const metadata = { title: "Checkout" };

export default async function CheckoutPage() {
  await requireActor("/checkout");
  await getQueryClient().prefetchQuery(trpc.cart.get.queryOptions());
  return (
    <HydrateClient>
      <h1>Checkout</h1>
      <CheckoutForm />
    </HydrateClient>
  );
}
