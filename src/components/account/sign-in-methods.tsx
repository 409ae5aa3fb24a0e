"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import type { ProviderSignInAction } from "@/components/auth/action-types";
import { LinkProviderForm } from "./link-provider-form";

interface Provider {
  id: string;
  name: string;
}

function UnlinkButton({ provider }: { provider: { provider: string; name: string } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const unlink = useMutation(
    trpc.account.signInMethods.unlink.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.account.signInMethods.list.queryFilter()),
    }),
  );
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        disabled={unlink.isPending}
        onClick={() => unlink.mutate({ provider: provider.provider })}
      >
        {unlink.isPending ? "Removing…" : "Remove"}
        <span className="visually-hidden"> {provider.name}</span>
      </button>
      {unlink.isError ? <p className="notice notice--error">{errorMessage(unlink.error)}</p> : null}
    </>
  );
}

/** The ways into this account: its password and the identity providers linked to it, each removable. */
export function SignInMethods({
  available,
  linkError,
  signInWithProviderAction,
}: {
  available: Provider[];
  linkError: string | null;
  signInWithProviderAction: ProviderSignInAction;
}) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.account.signInMethods.list.queryOptions());
  const [linking, setLinking] = useState<string | null>(null);
  const linked = new Set(data.providers.map((provider) => provider.provider));
  const linkable = available.filter((provider) => !linked.has(provider.id));
  return (
    <section className="panel stack" aria-labelledby="sign-in-methods-heading">
      <h2 id="sign-in-methods-heading" style={{ marginTop: 0 }}>
        Sign-in methods
      </h2>
      {linkError ? (
        <p className="notice notice--error" role="status">
          {linkError}
        </p>
      ) : null}
      <ul className="plain-list stack" data-testid="sign-in-methods">
        <li>{data.hasPassword ? "Password" : "No password set"}</li>
        {data.providers.map((provider) => (
          <li key={provider.provider} className="row">
            <span>{provider.name}</span>
            <UnlinkButton provider={provider} />
          </li>
        ))}
      </ul>
      {linkable.length > 0 && !data.hasPassword ? (
        <p className="field__hint">Set a password above to link another sign-in method.</p>
      ) : null}
      {data.hasPassword
        ? linkable.map((provider) =>
            linking === provider.id ? (
              <LinkProviderForm
                key={provider.id}
                provider={provider}
                signInWithProviderAction={signInWithProviderAction}
              />
            ) : (
              <button
                key={provider.id}
                type="button"
                className="button button--secondary"
                onClick={() => setLinking(provider.id)}
              >
                Link {provider.name}
              </button>
            ),
          )
        : null}
    </section>
  );
}
