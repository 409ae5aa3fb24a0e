"use client";

import { useActionState, useState, type FormEvent } from "react";
import { z } from "zod";
import { signInInput } from "@/lib/contracts/account";
import { EmailField } from "@/components/forms/email-field";
import { FieldError } from "@/components/forms/field-error";
import type { SignInAction, SignInState } from "./action-types";

export function SignInForm({ callbackUrl, signInAction }: { callbackUrl: string; signInAction: SignInAction }) {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInAction, {});
  const [clientErrors, setClientErrors] = useState<SignInState["fieldErrors"]>();
  const fieldErrors = clientErrors ?? state.fieldErrors;

  function validate(event: FormEvent<HTMLFormElement>) {
    const form = new FormData(event.currentTarget);
    const parsed = signInInput.safeParse({ email: form.get("email"), password: form.get("password") });
    if (parsed.success) return setClientErrors(undefined);
    event.preventDefault();
    setClientErrors(z.flattenError(parsed.error).fieldErrors);
  }

  return (
    <form action={formAction} onSubmit={validate} className="form" noValidate>
      <div aria-live="polite" role="status">
        {state.error ? (
          <p className="notice notice--error" data-testid="form-error">
            {state.error}
          </p>
        ) : null}
      </div>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <EmailField errors={fieldErrors?.email} />
      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          className="input"
          required
          aria-invalid={Boolean(fieldErrors?.password)}
          aria-describedby={fieldErrors?.password ? "password-error" : undefined}
        />
        <FieldError id="password-error" messages={fieldErrors?.password} />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
