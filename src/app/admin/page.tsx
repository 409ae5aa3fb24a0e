import { adminMetadata, requireAdminArea } from "@/server/auth/require-admin";
import { AdminDashboard } from "@/components/admin/dashboard";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";

export const generateMetadata = adminMetadata("Dashboard");

export default async function AdminDashboardPage() {
  await requireAdminArea();
  await getQueryClient().prefetchQuery(trpc.admin.dashboard.queryOptions());
  return (
    <HydrateClient>
      <h1>Dashboard</h1>
      <AdminDashboard />
    </HydrateClient>
  );
}
