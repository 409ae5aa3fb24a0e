import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { OrderAdminDetail } from "@/components/admin/order-admin-detail";
import { roleCan } from "@/lib/permissions";
import { adminMetadata, requireAdminArea } from "@/server/auth/require-admin";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";

export const generateMetadata = adminMetadata("Order");

export default async function AdminOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAdminArea();
  const { id } = await params;
  try {
    // fetchQuery, not prefetchQuery: a missing order or a malformed id must reach notFound() here.
    await getQueryClient().fetchQuery(trpc.admin.orders.byId.queryOptions({ id }));
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  return (
    <HydrateClient>
      {/* Only a hint for what to show: the cancel procedure checks the permission itself. */}
      <OrderAdminDetail orderId={id} canCancel={roleCan(actor.role, "update:order:any")} />
    </HydrateClient>
  );
}
