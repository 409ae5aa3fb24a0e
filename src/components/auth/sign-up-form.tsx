"use client";

import { useMutation } from "@tanstack/react-query";
import { useActionState, useState, useTransition, type FormEvent } from "react";
import { z } from "zod";
import { signUpInput, type SignUpInput } from "@/lib/contracts/account";
import { fieldErrorsFromIssues } from "@/components/forms/field-errors";
import { useTRPC } from "@/trpc/react";
import { FieldError } from "@/components/forms/field-error";
import type { SignInAction, SignInState } from "./action-types";

type FieldErrors = Partial<Record<keyof SignUpInput, string[]>>;

export function SignUpForm({ callbackUrl, signInAction }: { callbackUrl: string; signInAction: SignInAction }) {
  const trpc = useTRPC();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [signInState, signInFormAction] = useActionState<SignInState, FormData>(signInAction, {});
  const [signingIn, startSignIn] = useTransition();
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const busy = signUp.isPending || signingIn;
  const formError = signUp.error && !signUp.error.data?.issues ? signUp.error.message : signInState.error;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signUpInput.safeParse(Object.fromEntries(form));
    if (!parsed.success) return setFieldErrors(z.flattenError(parsed.error).fieldErrors);
    setFieldErrors({});
    signUp.mutate(parsed.data, {
      // The account exists now: sign in with the same credentials, which redirects.
      onSuccess: () => startSignIn(() => signInFormAction(form)),
      onError: (error) => setFieldErrors(fieldErrorsFromIssues<keyof SignUpInput>(error.data?.issues)),
    });
  }

  return (
    <form onSubmit={submit} className="form" noValidate>
      <div aria-live="polite" role="status">
        {formError ? (
          <p className="notice notice--error" data-testid="form-error">
            {formError}
          </p>
        ) : null}
      </div>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {(
        [
          { name: "name", label: "Name", type: "text", autoComplete: "name", hint: undefined },
          { name: "email", label: "Email", type: "email", autoComplete: "email", hint: undefined },
          {
            name: "password",
            label: "Password",
            type: "password",
            autoComplete: "new-password",
            hint: "At least 8 characters.",
          },
        ] as const
      ).map((field) => (
        <div className="field" key={field.name}>
          <label htmlFor={field.name}>{field.label}</label>
          <input
            id={field.name}
            name={field.name}
            type={field.type}
            autoComplete={field.autoComplete}
            className="input"
            required
            aria-invalid={Boolean(fieldErrors[field.name])}
            aria-describedby={fieldErrors[field.name] ? `${field.name}-error` : undefined}
          />
          {field.hint && !fieldErrors[field.name] ? <p className="field__hint">{field.hint}</p> : null}
          <FieldError id={`${field.name}-error`} messages={fieldErrors[field.name]} />
        </div>
      ))}
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
