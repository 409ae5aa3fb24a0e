import { adminMetadata, requireAdminArea } from "@/server/auth/require-admin";
import { AuditLog } from "@/components/admin/audit-log";
import { firstParam } from "@/lib/first-param";
import { auditActions, type AuditAction } from "@/lib/audit-actions";
import { nextPageCursor } from "@/lib/paging";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";

export const generateMetadata = adminMetadata("Audit log");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AdminAuditPage({ searchParams }: Props) {
  await requireAdminArea();
  const params = await searchParams;
  const rawAction = firstParam(params.action);
  const action = auditActions.find((candidate): candidate is AuditAction => candidate === rawAction);
  const rawActor = firstParam(params.actor);
  const actorId = rawActor && UUID.test(rawActor) ? rawActor : undefined;
  await getQueryClient().prefetchInfiniteQuery(
    trpc.admin.audit.list.infiniteQueryOptions(
      { action, actor: actorId, limit: 50 },
      { getNextPageParam: nextPageCursor },
    ),
  );
  return (
    <HydrateClient>
      <h1>Audit log</h1>
      <AuditLog action={action} actorId={actorId} />
    </HydrateClient>
  );
}
