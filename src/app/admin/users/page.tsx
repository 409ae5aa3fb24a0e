import { adminMetadata, requireAdminArea } from "@/server/auth/require-admin";
import { AdminUsers } from "@/components/admin/users-table";
import { ADMIN_PAGE_SIZE } from "@/components/admin/paging";
import { firstParam } from "@/lib/first-param";
import { nextPageCursor } from "@/lib/paging";
import { getCurrentActor } from "@/server/auth/current-actor";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";

export const generateMetadata = adminMetadata("Users");

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AdminUsersPage({ searchParams }: Props) {
  await requireAdminArea();
  const q =
    firstParam((await searchParams).q)
      ?.trim()
      .slice(0, 100) || undefined;
  const [actor] = await Promise.all([
    getCurrentActor(),
    getQueryClient().prefetchInfiniteQuery(
      trpc.admin.users.list.infiniteQueryOptions({ q, limit: ADMIN_PAGE_SIZE }, { getNextPageParam: nextPageCursor }),
    ),
  ]);
  return (
    <HydrateClient>
      <h1>Users and roles</h1>
      <AdminUsers q={q} currentUserId={actor?.id ?? ""} />
    </HydrateClient>
  );
}
