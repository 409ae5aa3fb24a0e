"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, useTransition, type FormEvent } from "react";
import type { SignOutAction } from "@/components/auth/action-types";
import { FieldError } from "@/components/forms/field-error";
import { fieldErrorsFromIssues, type FieldErrors } from "@/components/forms/field-errors";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/** Deletes the account after the password confirms it, then leaves the signed-in area. */
export function DeleteAccountForm({ signOutAction }: { signOutAction: SignOutAction }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<"currentPassword">>({});
  const [leaving, startLeaving] = useTransition();
  const remove = useMutation(
    trpc.account.delete.mutationOptions({
      onError: (error) => setErrors(fieldErrorsFromIssues<"currentPassword">(error.data?.issues)),
      onSuccess: () => {
        queryClient.clear();
        startLeaving(() => signOutAction());
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const currentPassword = String(new FormData(event.currentTarget).get("currentPassword") ?? "");
    if (!currentPassword) return setErrors({ currentPassword: ["Type your password to confirm"] });
    setErrors({});
    remove.mutate({ currentPassword });
  }

  if (!open) {
    return (
      <button type="button" className="button button--danger" onClick={() => setOpen(true)}>
        Delete my account…
      </button>
    );
  }
  const busy = remove.isPending || leaving;
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="delete-heading">
      <h3 id="delete-heading" style={{ margin: 0 }}>
        Delete your account
      </h3>
      <p style={{ margin: 0 }}>
        This signs you out everywhere, revokes your API tokens and removes your name and address. Your orders stay in
        our books without them. You get a confirmation mail. It cannot be undone.
      </p>
      <div className="field">
        <label htmlFor="delete-currentPassword">Your password</label>
        <input
          id="delete-currentPassword"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          className="input"
          aria-invalid={Boolean(errors.currentPassword)}
          aria-describedby={errors.currentPassword ? "delete-currentPassword-error" : undefined}
        />
        <FieldError id="delete-currentPassword-error" messages={errors.currentPassword} />
      </div>
      <div aria-live="polite">
        {remove.isError && !remove.error.data?.issues ? (
          <p className="notice notice--error">{errorMessage(remove.error)}</p>
        ) : null}
      </div>
      <div className="row">
        <button type="submit" className="button button--danger" disabled={busy}>
          {busy ? "Deleting…" : "Delete my account for good"}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          Keep my account
        </button>
      </div>
    </form>
  );
}
