import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { PackingSlip } from "@/components/admin/packing-slip";
import { adminMetadata, requireAdminArea } from "@/server/auth/require-admin";
import { getQueryClient, trpc } from "@/trpc/server";

export const generateMetadata = adminMetadata("Packing slip");

/** Rendered on the server only: a sheet to print, nothing on it changes. */
export default async function PackingSlipPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdminArea();
  const { id } = await params;
  let detail;
  try {
    detail = await getQueryClient().fetchQuery(trpc.admin.orders.byId.queryOptions({ id }));
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  return <PackingSlip order={detail.order} />;
}
