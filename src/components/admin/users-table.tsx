"use client";

import { useMutation, useQueryClient, useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import { formatDateTime } from "@/lib/format-date";
import { nextPageCursor } from "@/lib/paging";
import { roles, type Role } from "@/lib/permissions";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { ADMIN_PAGE_SIZE } from "./paging";
import { SearchForm } from "./search-form";

const roleLabels: Record<Role, string> = { customer: "Customer", admin: "Administrator" };

function RoleSelect({ user }: { user: { id: string; name: string; role: Role } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setRole = useMutation(
    trpc.admin.users.setRole.mutationOptions({
      onSettled: () => queryClient.invalidateQueries(trpc.admin.users.pathFilter()),
    }),
  );
  return (
    <div className="stack" style={{ gap: "0.25rem" }}>
      <label className="visually-hidden" htmlFor={`role-${user.id}`}>
        Role of {user.name}
      </label>
      <select
        id={`role-${user.id}`}
        className="select"
        value={setRole.variables?.role ?? user.role}
        disabled={setRole.isPending}
        onChange={(event) => setRole.mutate({ userId: user.id, role: event.target.value as Role })}
      >
        {roles.map((role) => (
          <option key={role} value={role}>
            {roleLabels[role]}
          </option>
        ))}
      </select>
      <span aria-live="polite">
        {setRole.isError ? <span className="field__error">{errorMessage(setRole.error)}</span> : null}
        {setRole.isSuccess ? <span className="stock">Saved: applies from their next request.</span> : null}
      </span>
    </div>
  );
}

function DisableButton({ user }: { user: { id: string; name: string; disabled: boolean } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setDisabled = useMutation(
    trpc.admin.users.setDisabled.mutationOptions({
      onSettled: () => queryClient.invalidateQueries(trpc.admin.users.pathFilter()),
    }),
  );
  const label = user.disabled ? "Enable" : "Disable";
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        disabled={setDisabled.isPending}
        onClick={() => {
          if (user.disabled || window.confirm(`Disable ${user.name}? They are signed out everywhere at once.`)) {
            setDisabled.mutate({ userId: user.id, disabled: !user.disabled });
          }
        }}
      >
        {setDisabled.isPending ? "Saving…" : label}
        <span className="visually-hidden"> {user.name}</span>
      </button>
      {setDisabled.isError ? <span className="field__error">{errorMessage(setDisabled.error)}</span> : null}
    </>
  );
}

export function AdminUsers({ q, currentUserId }: { q?: string; currentUserId: string }) {
  const trpc = useTRPC();
  const { data, hasNextPage, fetchNextPage, isFetchingNextPage, isFetchNextPageError } = useSuspenseInfiniteQuery(
    trpc.admin.users.list.infiniteQueryOptions({ q, limit: ADMIN_PAGE_SIZE }, { getNextPageParam: nextPageCursor }),
  );
  const users = data.pages.flatMap((page) => page.items);
  return (
    <div className="stack">
      <SearchForm action="/admin/users" q={q} label="Search by email or name" />
      {users.length === 0 ? (
        <EmptyState testId="no-users" message={`No accounts match “${q}”.`} />
      ) : (
        <div className="table-scroll">
          <table className="table table--stack" data-testid="admin-users">
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Joined</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id} data-testid="admin-user-row">
                  <td data-label="Account">
                    {user.name}
                    {user.id === currentUserId ? " (you)" : null}
                    <br />
                    <span className="stock">{user.email}</span>
                  </td>
                  <td data-label="Joined">{formatDateTime(user.createdAt)}</td>
                  <td data-label="Role">
                    <RoleSelect user={user} />
                  </td>
                  <td data-label="Status">
                    <div className="row row--tight">
                      <span data-testid="user-status">{user.disabled ? "Disabled" : "Active"}</span>
                      {user.id === currentUserId ? null : <DisableButton user={user} />}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore
        noun="accounts"
        hasNextPage={hasNextPage}
        isFetchingNextPage={isFetchingNextPage}
        isError={isFetchNextPageError}
        fetchNextPage={fetchNextPage}
      />
    </div>
  );
}
