import { AdminDashboard } from "@/components/admin/dashboard";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";

export const metadata = { title: "Dashboard" };

export default async function AdminDashboardPage() {
  await getQueryClient().prefetchQuery(trpc.admin.dashboard.queryOptions());
  return (
    <HydrateClient>
      <h1>Dashboard</h1>
      <AdminDashboard />
    </HydrateClient>
  );
}
