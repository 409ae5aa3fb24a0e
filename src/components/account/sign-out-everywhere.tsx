"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import type { SignOutAction } from "@/components/auth/action-types";

/** Ends every session of the account (a lost phone, a shared computer), then this one. */
export function SignOutEverywhere({ signOutAction }: { signOutAction: SignOutAction }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [leaving, startLeaving] = useTransition();
  const end = useMutation(
    trpc.account.signOutEverywhere.mutationOptions({
      onSuccess: () => {
        queryClient.clear();
        startLeaving(() => signOutAction());
      },
    }),
  );
  const busy = end.isPending || leaving;
  return (
    <div className="stack">
      <p style={{ margin: 0 }}>
        Signed in somewhere you no longer use? This signs you out on every device and browser, this one included. API
        tokens keep working until you revoke them.
      </p>
      <div aria-live="polite">
        {end.isError ? <p className="notice notice--error">{errorMessage(end.error)}</p> : null}
      </div>
      {confirming ? (
        <div className="row" role="group" aria-label="Confirm signing out everywhere">
          <button type="button" className="button button--danger" disabled={busy} onClick={() => end.mutate()}>
            {busy ? "Signing out…" : "Yes, sign out everywhere"}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
            Keep me signed in
          </button>
        </div>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
          Sign out of all devices
        </button>
      )}
    </div>
  );
}
