"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { FieldError } from "@/components/forms/field-error";
import { createTokenInput } from "@/lib/contracts/tokens";
import { tokenScopeDescriptions, tokenScopes, type TokenScope } from "@/lib/permissions";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { NewTokenNotice } from "./new-token-notice";

type FieldErrors = Partial<Record<"name" | "scopes" | "expiresInDays", string[]>>;

const EXPIRY_CHOICES = [
  { days: 30, label: "30 days" },
  { days: 90, label: "90 days" },
  { days: 365, label: "1 year" },
];

export function CreateTokenForm({ isAdmin }: { isAdmin: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation(
    trpc.account.tokens.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.account.tokens.list.queryFilter()),
    }),
  );
  const offered: readonly TokenScope[] = isAdmin ? tokenScopes : tokenScopes.filter((scope) => scope !== "admin");

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = createTokenInput.safeParse({
      name: form.get("name"),
      scopes: form.getAll("scopes"),
      expiresInDays: Number(form.get("expiresInDays")),
    });
    if (!parsed.success) return setErrors(z.flattenError(parsed.error).fieldErrors);
    setErrors({});
    create.mutate(parsed.data);
  }

  if (create.data) {
    return <NewTokenNotice token={create.data.token} name={create.data.summary.name} onDone={() => create.reset()} />;
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="new-token-heading">
      <h3 id="new-token-heading" style={{ margin: 0 }}>
        Create a token
      </h3>
      <div aria-live="polite">
        {create.isError ? <p className="notice notice--error">{errorMessage(create.error)}</p> : null}
      </div>
      <div className="field">
        <label htmlFor="token-name">Name</label>
        <input
          id="token-name"
          name="name"
          className="input"
          maxLength={80}
          placeholder="Inventory script"
          aria-invalid={Boolean(errors.name)}
          aria-describedby={errors.name ? "token-name-error" : undefined}
        />
        <FieldError id="token-name-error" messages={errors.name} />
      </div>
      <fieldset className="field" aria-describedby={errors.scopes ? "token-scopes-error" : undefined}>
        <legend>What it may do</legend>
        {offered.map((scope) => (
          <label key={scope} className="checkbox">
            <input type="checkbox" name="scopes" value={scope} defaultChecked={scope !== "admin"} />
            <span>
              <strong>{scope}</strong>: {tokenScopeDescriptions[scope]}
            </span>
          </label>
        ))}
        <FieldError id="token-scopes-error" messages={errors.scopes} />
      </fieldset>
      <div className="field">
        <label htmlFor="token-expiry">Expires after</label>
        <select id="token-expiry" name="expiresInDays" className="select" defaultValue="90">
          {EXPIRY_CHOICES.map((choice) => (
            <option key={choice.days} value={choice.days}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create token"}
      </button>
    </form>
  );
}
