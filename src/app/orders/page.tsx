import { LiveOrderUpdates } from "@/components/live/live-updates";
import { OrdersList } from "@/components/orders/orders-list";
import { nextPageCursor } from "@/lib/paging";
import { ORDERS_PAGE_SIZE } from "@/components/orders/orders-paging";
import { requireActor } from "@/server/auth/require-actor";
import { getQueryClient, HydrateClient, livePosition, trpc } from "@/trpc/server";

export const metadata = { title: "Your orders" };

export default async function OrdersPage() {
  await requireActor("/orders");
  const since = await livePosition();
  await getQueryClient().prefetchInfiniteQuery(
    trpc.orders.list.infiniteQueryOptions({ limit: ORDERS_PAGE_SIZE }, { getNextPageParam: nextPageCursor }),
  );
  return (
    <HydrateClient>
      <h1>Your orders</h1>
      <OrdersList />
      <LiveOrderUpdates since={since} />
    </HydrateClient>
  );
}
