"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import {
  auditActionLabels,
  auditActions,
  signInFailureLabels,
  signInFailureReasons,
  type AuditAction,
  type SignInFailureReason,
} from "@/lib/audit-actions";
import { formatDateTime } from "@/lib/format-date";
import { nextPageCursor } from "@/lib/paging";
import { useTRPC } from "@/trpc/react";

function auditHref(filters: { action?: string; actorId?: string }): string {
  const params = new URLSearchParams();
  if (filters.action) params.set("action", filters.action);
  if (filters.actorId) params.set("actor", filters.actorId);
  const query = params.toString();
  return query ? `/admin/audit?${query}` : "/admin/audit";
}

function isSignInFailureReason(value: unknown): value is SignInFailureReason {
  return signInFailureReasons.some((reason) => reason === value);
}

function describe(summary: Record<string, unknown>): string {
  const { before, after, reason, ...others } = summary as { before?: unknown; after?: unknown; reason?: unknown };
  const rest: Record<string, unknown> = others;
  const parts: string[] = [];
  if (isSignInFailureReason(reason)) parts.push(signInFailureLabels[reason]);
  else if (reason !== undefined) rest.reason = reason;
  if (before !== undefined || after !== undefined)
    parts.push(`${JSON.stringify(before ?? {})} → ${JSON.stringify(after ?? {})}`);
  if (Object.keys(rest).length > 0) parts.push(JSON.stringify(rest));
  return parts.join(" ");
}

export function AuditLog({ action, actorId }: { action?: AuditAction; actorId?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { data, hasNextPage, fetchNextPage, isFetchingNextPage, isFetchNextPageError } = useSuspenseInfiniteQuery(
    trpc.admin.audit.list.infiniteQueryOptions(
      { action, actor: actorId, limit: 50 },
      { getNextPageParam: nextPageCursor },
    ),
  );
  const entries = data.pages.flatMap((page) => page.items);

  return (
    <div className="stack">
      <div className="row">
        <div className="field">
          <label htmlFor="action-filter">Action</label>
          <select
            id="action-filter"
            className="select"
            value={action ?? ""}
            onChange={(event) => router.push(auditHref({ action: event.target.value || undefined, actorId }))}
          >
            <option value="">All actions</option>
            {auditActions.map((value) => (
              <option key={value} value={value}>
                {auditActionLabels[value]}
              </option>
            ))}
          </select>
        </div>
        {actorId ? (
          <p style={{ alignSelf: "end" }}>
            One person only. <Link href={auditHref({ action })}>Show everyone</Link>
          </p>
        ) : null}
      </div>
      {entries.length === 0 ? (
        <EmptyState testId="no-audit" message="Nothing recorded for these filters." />
      ) : (
        <div className="table-scroll">
          <table className="table table--stack" data-testid="audit-log">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Details</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-testid="audit-row">
                  <td data-label="When">{formatDateTime(entry.createdAt)}</td>
                  <td data-label="Who">
                    {entry.actorId ? (
                      <Link href={auditHref({ action, actorId: entry.actorId })}>{entry.actorEmail}</Link>
                    ) : (
                      (entry.actorEmail ?? "—")
                    )}
                  </td>
                  <td data-label="What">
                    {auditActionLabels[entry.action]}
                    {entry.targetType ? <span className="stock"> · {entry.targetType}</span> : null}
                  </td>
                  <td className="audit-details" data-label="Details">
                    {describe(entry.summary)}
                  </td>
                  <td data-label="From">
                    <span className="stock">{entry.clientIp}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore
        noun="entries"
        hasNextPage={hasNextPage}
        isFetchingNextPage={isFetchingNextPage}
        isError={isFetchNextPageError}
        fetchNextPage={fetchNextPage}
      />
    </div>
  );
}
