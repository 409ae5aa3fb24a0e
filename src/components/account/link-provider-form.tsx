"use client";

import { useMutation } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { FieldError } from "@/components/forms/field-error";
import { fieldErrorsFromIssues, type FieldErrors } from "@/components/forms/field-errors";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import type { ProviderSignInAction } from "@/components/auth/action-types";

/**
 * Links an identity provider to this account: the password first (the server
 * then lets this session link one provider for ten minutes), then off to the
 * provider, which sends the browser back to this page.
 */
export function LinkProviderForm({
  provider,
  signInWithProviderAction,
}: {
  provider: { id: string; name: string };
  signInWithProviderAction: ProviderSignInAction;
}) {
  const trpc = useTRPC();
  const [errors, setErrors] = useState<FieldErrors<"currentPassword">>({});
  const goToProvider = useRef<HTMLFormElement>(null);
  const confirm = useMutation(
    trpc.account.signInMethods.confirmLink.mutationOptions({
      onError: (error) => setErrors(fieldErrorsFromIssues<"currentPassword">(error.data?.issues)),
    }),
  );
  const fieldId = `link-${provider.id}-password`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = new FormData(event.currentTarget).get("currentPassword");
    if (typeof password !== "string" || password === "") {
      return setErrors({ currentPassword: ["Enter your password"] });
    }
    setErrors({});
    confirm.mutate({ currentPassword: password }, { onSuccess: () => goToProvider.current?.requestSubmit() });
  }

  return (
    <>
      <form className="form" onSubmit={submit} noValidate aria-label={`Link ${provider.name}`}>
        <div className="field">
          <label htmlFor={fieldId}>Your password, to link {provider.name}</label>
          <input
            id={fieldId}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            className="input"
            aria-invalid={Boolean(errors.currentPassword)}
            aria-describedby={errors.currentPassword ? `${fieldId}-error` : undefined}
          />
          <FieldError id={`${fieldId}-error`} messages={errors.currentPassword} />
        </div>
        <div aria-live="polite">
          {confirm.isError && !confirm.error.data?.issues ? (
            <p className="notice notice--error">{errorMessage(confirm.error)}</p>
          ) : null}
        </div>
        <button type="submit" className="button button--secondary" disabled={confirm.isPending || confirm.isSuccess}>
          {confirm.isPending || confirm.isSuccess ? "Opening…" : `Link ${provider.name}`}
        </button>
      </form>
      <form ref={goToProvider} action={signInWithProviderAction} hidden>
        <input type="hidden" name="provider" value={provider.id} />
        <input type="hidden" name="callbackUrl" value="/account" />
      </form>
    </>
  );
}
