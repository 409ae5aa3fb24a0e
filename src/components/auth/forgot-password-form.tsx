"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { EmailField } from "@/components/forms/email-field";
import { fieldErrorsFromIssues, fieldErrorsFromZod, type FieldErrors } from "@/components/forms/field-errors";
import { requestPasswordResetInput } from "@/lib/contracts/email-links";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/** Asks for a reset link. The answer never says whether the address has an account, so neither does this form. */
export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const [errors, setErrors] = useState<FieldErrors<"email">>({});
  const request = useMutation(
    trpc.auth.requestPasswordReset.mutationOptions({
      onError: (error) => setErrors(fieldErrorsFromIssues<"email">(error.data?.issues)),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = requestPasswordResetInput.safeParse({ email: new FormData(event.currentTarget).get("email") });
    if (!parsed.success) return setErrors(fieldErrorsFromZod<"email">(parsed.error));
    setErrors({});
    request.mutate(parsed.data);
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Ask for a password reset link">
      <div role="status" data-testid="forgot-password-status">
        {request.isSuccess ? (
          <p className="notice notice--success">
            If an account uses {request.variables.email}, a link to choose a new password is on its way there. It works
            for 30 minutes. Nothing arrived? Check the spam folder, or ask again in a few minutes.
          </p>
        ) : null}
      </div>
      <div role="alert">
        {request.isError && !request.error.data?.issues ? (
          <p className="notice notice--error">{errorMessage(request.error)}</p>
        ) : null}
      </div>
      <EmailField errors={errors.email} />
      <button type="submit" className="button" disabled={request.isPending}>
        {request.isPending ? "Sending…" : "Send me a link"}
      </button>
    </form>
  );
}
