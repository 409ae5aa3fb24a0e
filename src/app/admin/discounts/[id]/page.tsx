import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { DiscountDetail } from "@/components/admin/discount-detail";
import { roleCan } from "@/lib/permissions";
import { adminMetadata, requireAdminArea } from "@/server/auth/require-admin";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";

export const generateMetadata = adminMetadata("Discount code");

export default async function AdminDiscountPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAdminArea();
  const { id } = await params;
  try {
    // fetchQuery, not prefetchQuery: a missing code or a malformed id must reach notFound() here.
    await getQueryClient().fetchQuery(trpc.admin.discounts.byId.queryOptions({ id }));
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  return (
    <HydrateClient>
      <DiscountDetail discountId={id} canManage={roleCan(actor.role, "manage:discount:any")} />
    </HydrateClient>
  );
}
