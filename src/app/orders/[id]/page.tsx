import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { LiveOrderUpdates } from "@/components/live/live-updates";
import { OrderDetail } from "@/components/orders/order-detail";
import { firstParam } from "@/lib/first-param";
import { requireActor } from "@/server/auth/require-actor";
import { getQueryClient, HydrateClient, livePosition, trpc } from "@/trpc/server";

export const metadata = { title: "Order" };

interface OrderPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ payment?: string | string[] }>;
}

export default async function OrderPage({ params, searchParams }: OrderPageProps) {
  const { id } = await params;
  await requireActor(`/orders/${id}`);
  const since = await livePosition();
  try {
    await getQueryClient().fetchQuery(trpc.orders.byId.queryOptions({ id }));
  } catch (error) {
    // Someone else's order, a missing one and a malformed id all look the same.
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  return (
    <HydrateClient>
      <OrderDetail orderId={id} returned={firstParam((await searchParams).payment) === "return"} />
      <LiveOrderUpdates since={since} />
    </HydrateClient>
  );
}
