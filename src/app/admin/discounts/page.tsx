import { AdminDiscounts } from "@/components/admin/discounts-table";
import { ADMIN_PAGE_SIZE } from "@/components/admin/paging";
import { nextPageCursor } from "@/lib/paging";
import { roleCan } from "@/lib/permissions";
import { adminMetadata, requireAdminArea } from "@/server/auth/require-admin";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";

export const generateMetadata = adminMetadata("Discount codes");

export default async function AdminDiscountsPage() {
  const actor = await requireAdminArea();
  await getQueryClient().prefetchInfiniteQuery(
    trpc.admin.discounts.list.infiniteQueryOptions({ limit: ADMIN_PAGE_SIZE }, { getNextPageParam: nextPageCursor }),
  );
  return (
    <HydrateClient>
      <h1>Discount codes</h1>
      {/* Only a hint for what to show: each procedure checks the permission itself. */}
      <AdminDiscounts canManage={roleCan(actor.role, "manage:discount:any")} />
    </HydrateClient>
  );
}
