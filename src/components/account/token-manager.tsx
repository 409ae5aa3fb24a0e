"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatDateTime } from "@/lib/format-date";
import type { RouterOutputs } from "@/trpc/types";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { CreateTokenForm } from "./create-token-form";

type Token = RouterOutputs["account"]["tokens"]["list"][number];

function tokenState(token: Token, now: number): "active" | "revoked" | "expired" {
  if (token.revokedAt) return "revoked";
  return new Date(token.expiresAt).getTime() <= now ? "expired" : "active";
}

function RevokeButton({ token }: { token: Token }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation(
    trpc.account.tokens.revoke.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.account.tokens.list.queryFilter()),
    }),
  );
  if (!confirming) {
    return (
      <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
        Revoke<span className="visually-hidden"> {token.name}</span>
      </button>
    );
  }
  return (
    <div className="row" role="group" aria-label={`Confirm revoking ${token.name}`}>
      <button
        type="button"
        className="button button--danger"
        onClick={() => revoke.mutate({ id: token.id })}
        disabled={revoke.isPending}
      >
        {revoke.isPending ? "Revoking…" : "Yes, revoke"}
      </button>
      <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
        Keep
      </button>
      {revoke.isError ? <p className="notice notice--error">{errorMessage(revoke.error)}</p> : null}
    </div>
  );
}

/** The account page's API tokens: what exists, when each was last used, and revoking one. */
export function TokenManager({ isAdmin }: { isAdmin: boolean }) {
  const trpc = useTRPC();
  const { data: tokens, dataUpdatedAt } = useSuspenseQuery(trpc.account.tokens.list.queryOptions());

  return (
    <section className="panel stack" aria-labelledby="tokens-heading">
      <div>
        <h2 id="tokens-heading" style={{ marginTop: 0 }}>
          API tokens
        </h2>
        <p className="field__hint">
          Tokens let scripts and apps use the <a href="/api/docs">REST API</a> as you. Give each one only the scopes it
          needs and revoke it when it is no longer used.
        </p>
      </div>
      {tokens.length === 0 ? (
        <p data-testid="no-tokens">You have no API tokens yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="table table--stack" data-testid="tokens">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Scopes</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => {
                const state = tokenState(token, dataUpdatedAt);
                return (
                  <tr key={token.id} data-testid="token-row">
                    <td data-label="Name">
                      {token.name}
                      <br />
                      <code className="stock">{token.prefix}…</code>
                    </td>
                    <td data-label="Scopes">{token.scopes.join(", ")}</td>
                    <td data-label="Expires">{formatDateTime(token.expiresAt)}</td>
                    <td data-label="Last used">{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "Never"}</td>
                    <td data-testid="token-state" data-label="Status">
                      {state === "active" ? "Active" : state === "revoked" ? "Revoked" : "Expired"}
                    </td>
                    <td>{state === "active" ? <RevokeButton token={token} /> : null}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <CreateTokenForm isAdmin={isAdmin} />
    </section>
  );
}
