"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FieldError } from "@/components/forms/field-error";
import { fieldErrorsFromIssues, fieldErrorsFromZod, type FieldErrors } from "@/components/forms/field-errors";
import { changePasswordInput } from "@/lib/contracts/account";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

type Field = "currentPassword" | "newPassword";

export function ChangePasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: methods } = useSuspenseQuery(trpc.account.signInMethods.list.queryOptions());
  const linkedNames = methods.providers.map((provider) => provider.name);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onError: (error) => setErrors(fieldErrorsFromIssues<Field>(error.data?.issues)),
      onSuccess: () => queryClient.invalidateQueries(trpc.account.signInMethods.list.queryFilter()),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const parsed = changePasswordInput.safeParse({
      currentPassword: form.get("currentPassword") ?? "",
      newPassword: form.get("newPassword"),
      keepSignInMethods: form.get("keepSignInMethods") === "on",
    });
    if (!parsed.success) return setErrors(fieldErrorsFromZod<Field>(parsed.error));
    setErrors({});
    change.mutate(parsed.data, { onSuccess: () => formElement.reset() });
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="password-heading">
      <h3 id="password-heading" style={{ margin: 0 }}>
        {hasPassword ? "Change your password" : "Set a password"}
      </h3>
      <div aria-live="polite" data-testid="password-status">
        {change.isSuccess ? (
          <p className="notice notice--success">
            Password changed.{" "}
            {change.data.otherSessionsEnded > 0
              ? `You were signed out on ${change.data.otherSessionsEnded} other ${change.data.otherSessionsEnded === 1 ? "device" : "devices"}.`
              : null}{" "}
            {change.data.signInMethodsRemoved.length > 0
              ? `Linked sign-in removed: ${change.data.signInMethodsRemoved.length === 1 ? "one provider" : `${change.data.signInMethodsRemoved.length} providers`}.`
              : null}
          </p>
        ) : null}
        {change.isError && !change.error.data?.issues ? (
          <p className="notice notice--error">{errorMessage(change.error)}</p>
        ) : null}
      </div>
      {hasPassword ? (
        <div className="field">
          <label htmlFor="currentPassword">Current password</label>
          <input
            id="currentPassword"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            className="input"
            aria-invalid={Boolean(errors.currentPassword)}
            aria-describedby={errors.currentPassword ? "currentPassword-error" : undefined}
          />
          <FieldError id="currentPassword-error" messages={errors.currentPassword} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="newPassword">New password</label>
        <input
          id="newPassword"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          className="input"
          aria-invalid={Boolean(errors.newPassword)}
          aria-describedby={errors.newPassword ? "newPassword-error" : "newPassword-hint"}
        />
        {errors.newPassword ? null : (
          <p id="newPassword-hint" className="field__hint">
            At least 8 characters, and not one of the most common passwords.
          </p>
        )}
        <FieldError id="newPassword-error" messages={errors.newPassword} />
      </div>
      {linkedNames.length > 0 ? (
        <div className="field">
          <label className="checkbox">
            <input name="keepSignInMethods" type="checkbox" aria-describedby="keep-hint" />
            <span>Keep signing in with {linkedNames.join(" and ")}</span>
          </label>
          <p id="keep-hint" className="field__hint">
            Unticked, they are removed with the old password: if someone else had your account, any provider they linked
            goes too.
          </p>
        </div>
      ) : null}
      <button type="submit" className="button" disabled={change.isPending}>
        {change.isPending ? "Saving…" : "Change password"}
      </button>
    </form>
  );
}
