import { adminMetadata, requireAdminArea } from "@/server/auth/require-admin";
import { AdminOrders } from "@/components/admin/orders-table";
import { ADMIN_PAGE_SIZE } from "@/components/admin/paging";
import { firstParam } from "@/lib/first-param";
import { orderStatuses, type OrderStatus } from "@/lib/order-status";
import { nextPageCursor } from "@/lib/paging";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";

export const generateMetadata = adminMetadata("Orders");

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AdminOrdersPage({ searchParams }: Props) {
  await requireAdminArea();
  const params = await searchParams;
  const raw = firstParam(params.status);
  const status = orderStatuses.find((candidate): candidate is OrderStatus => candidate === raw);
  const stuck = firstParam(params.stuck) === "1";
  await getQueryClient().prefetchInfiniteQuery(
    trpc.admin.orders.list.infiniteQueryOptions(
      { status, stuck: stuck || undefined, limit: ADMIN_PAGE_SIZE },
      { getNextPageParam: nextPageCursor },
    ),
  );
  return (
    <HydrateClient>
      <h1>Orders</h1>
      <AdminOrders status={status} stuck={stuck} />
    </HydrateClient>
  );
}
