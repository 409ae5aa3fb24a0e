"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { FieldError } from "@/components/forms/field-error";
import { fieldErrorsFromIssues, fieldErrorsFromZod, type FieldErrors } from "@/components/forms/field-errors";
import { resetPasswordInput } from "@/lib/contracts/email-links";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

type Field = "password" | "confirmation";

/** Sets a new password with the token from a reset link. */
export function ResetPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const reset = useMutation(
    trpc.auth.resetPassword.mutationOptions({
      onError: (error) => setErrors(fieldErrorsFromIssues<Field>(error.data?.issues)),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = resetPasswordInput.safeParse({ token, password: form.get("password") });
    if (!parsed.success) return setErrors(fieldErrorsFromZod<Field>(parsed.error));
    if (form.get("confirmation") !== parsed.data.password) {
      return setErrors({ confirmation: ["The two passwords are not the same"] });
    }
    setErrors({});
    reset.mutate(parsed.data);
  }

  return (
    <div className="stack">
      <div role="status" data-testid="reset-password-status">
        {reset.isSuccess ? (
          <>
            <p className="notice notice--success">
              Your new password is set. You were signed out everywhere, your API tokens stopped working and linked
              sign-in providers were removed (you can link them again from your account page).
            </p>
            <Link href="/sign-in" className="button">
              Sign in with your new password
            </Link>
          </>
        ) : null}
      </div>
      {reset.isSuccess ? null : (
        <form className="form" onSubmit={submit} noValidate aria-label="Choose a new password">
          <div role="alert">
            {reset.isError && !reset.error.data?.issues ? (
              <p className="notice notice--error">
                {errorMessage(reset.error)} <Link href="/forgot-password">Ask for a new link</Link>
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="password">New password</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="new-password"
              className="input"
              required
              aria-invalid={Boolean(errors.password)}
              aria-describedby={errors.password ? "password-error" : "password-hint"}
            />
            {errors.password ? null : (
              <p id="password-hint" className="field__hint">
                At least 8 characters, and not one of the most common passwords.
              </p>
            )}
            <FieldError id="password-error" messages={errors.password} />
          </div>
          <div className="field">
            <label htmlFor="confirmation">The new password again</label>
            <input
              id="confirmation"
              name="confirmation"
              type="password"
              autoComplete="new-password"
              className="input"
              required
              aria-invalid={Boolean(errors.confirmation)}
              aria-describedby={errors.confirmation ? "confirmation-error" : undefined}
            />
            <FieldError id="confirmation-error" messages={errors.confirmation} />
          </div>
          <button type="submit" className="button" disabled={reset.isPending}>
            {reset.isPending ? "Saving…" : "Set the new password"}
          </button>
        </form>
      )}
    </div>
  );
}
