import { AdminJobs } from "@/components/admin/jobs-table";
import { firstParam } from "@/lib/first-param";
import { jobStates } from "@/lib/contracts/jobs";
import { adminMetadata, requireAdminArea } from "@/server/auth/require-admin";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";

export const generateMetadata = adminMetadata("Background jobs");

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AdminJobsPage({ searchParams }: Props) {
  await requireAdminArea();
  const asked = firstParam((await searchParams).state);
  const state = jobStates.find((option) => option === asked) ?? "failed";
  await getQueryClient().prefetchQuery(trpc.admin.jobs.list.queryOptions({ state }));
  return (
    <HydrateClient>
      <h1>Background jobs</h1>
      <p>Mail and upkeep run as jobs. A job that failed every attempt waits here until you retry it.</p>
      <AdminJobs state={state} />
    </HydrateClient>
  );
}
