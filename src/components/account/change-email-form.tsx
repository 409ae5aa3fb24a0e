"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FieldError } from "@/components/forms/field-error";
import { fieldErrorsFromIssues, fieldErrorsFromZod, type FieldErrors } from "@/components/forms/field-errors";
import { changeEmailInput } from "@/lib/contracts/email-links";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

type Field = "email" | "currentPassword";

/** Asks to move the account to a new address; it moves once the link mailed there is followed. */
export function ChangeEmailForm({ currentEmail, hasPassword }: { currentEmail: string; hasPassword: boolean }) {
  const trpc = useTRPC();
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const change = useMutation(
    trpc.account.changeEmail.mutationOptions({
      onError: (error) => setErrors(fieldErrorsFromIssues<Field>(error.data?.issues)),
    }),
  );

  if (!hasPassword) {
    return (
      <p style={{ margin: 0 }}>
        To change your address, set a password for your account first (under Password and sessions).
      </p>
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const parsed = changeEmailInput.safeParse({
      email: form.get("email"),
      currentPassword: form.get("currentPassword") ?? "",
    });
    if (!parsed.success) return setErrors(fieldErrorsFromZod<Field>(parsed.error));
    setErrors({});
    change.mutate(parsed.data, { onSuccess: () => formElement.reset() });
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="change-email-heading">
      <h3 id="change-email-heading" style={{ margin: 0 }}>
        Change your address
      </h3>
      <div role="status" data-testid="change-email-status">
        {change.isSuccess ? (
          <p className="notice notice--success">
            We mailed a link to {change.data.pendingEmail}. Your address changes when you follow it; until then you keep
            signing in with {currentEmail}.
          </p>
        ) : null}
      </div>
      <div role="alert">
        {change.isError && !change.error.data?.issues ? (
          <p className="notice notice--error">{errorMessage(change.error)}</p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="newEmail">New email address</label>
        <input
          id="newEmail"
          name="email"
          type="email"
          autoComplete="email"
          className="input"
          aria-invalid={Boolean(errors.email)}
          aria-describedby={errors.email ? "newEmail-error" : undefined}
        />
        <FieldError id="newEmail-error" messages={errors.email} />
      </div>
      <div className="field">
        <label htmlFor="changeEmailPassword">Current password</label>
        <input
          id="changeEmailPassword"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          className="input"
          aria-invalid={Boolean(errors.currentPassword)}
          aria-describedby={errors.currentPassword ? "changeEmailPassword-error" : undefined}
        />
        <FieldError id="changeEmailPassword-error" messages={errors.currentPassword} />
      </div>
      <button type="submit" className="button" disabled={change.isPending}>
        {change.isPending ? "Sending…" : "Send a link to the new address"}
      </button>
    </form>
  );
}
