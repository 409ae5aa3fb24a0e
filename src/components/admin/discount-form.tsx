"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { FieldError } from "@/components/forms/field-error";
import { fieldErrorsFromIssues, fieldErrorsFromZod, type FieldErrors } from "@/components/forms/field-errors";
import { createDiscountInput } from "@/lib/contracts/discounts";
import { discountKindLabels, discountKinds, type DiscountKind } from "@/lib/discount-kinds";
import { errorCode, errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

type DiscountField =
  | "code"
  | "description"
  | "kind"
  | "value"
  | "minSubtotalCents"
  | "startsAt"
  | "endsAt"
  | "usageLimit"
  | "perCustomerLimit";

function text(form: FormData, name: string): string {
  return String(form.get(name) ?? "").trim();
}

/** Empty means "not given"; anything else goes to zod as a number (NaN included, so it can say why). */
function optionalNumber(value: string): number | undefined {
  return value === "" ? undefined : Number(value);
}

function dollarsToCents(value: string): number | undefined {
  return value === "" ? undefined : Math.round(Number(value) * 100);
}

/** A datetime-local value read as UTC, the zone every admin page shows; kept as typed when unreadable. */
function utcMoment(value: string): string | undefined {
  if (value === "") return undefined;
  const moment = new Date(`${value}Z`);
  return Number.isNaN(moment.getTime()) ? value : moment.toISOString();
}

function FormField({
  name,
  label,
  hint,
  errors,
  children,
}: {
  name: DiscountField;
  label: string;
  hint?: string;
  errors: FieldErrors<DiscountField>;
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}) {
  const describedBy = [errors[name] ? `discount-${name}-error` : null, hint ? `discount-${name}-hint` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="field">
      <label htmlFor={`discount-${name}`}>{label}</label>
      {children(describedBy || undefined, Boolean(errors[name]))}
      {hint ? (
        <p id={`discount-${name}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={`discount-${name}-error`} messages={errors[name]} />
    </div>
  );
}

/** A new discount code: the server's own schema checks it here first, errors beside each field. */
export function DiscountForm({ onCreated, onCancel }: { onCreated: (code: string) => void; onCancel: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FieldErrors<DiscountField>>({});
  const [kind, setKind] = useState<DiscountKind>("percent");
  const create = useMutation(
    trpc.admin.discounts.create.mutationOptions({
      onSuccess: async (created) => {
        await queryClient.invalidateQueries(trpc.admin.discounts.pathFilter());
        onCreated(created.code);
      },
      onError: (error) => {
        if (errorCode(error) === "CONFLICT") setErrors({ code: [error.message] });
        else setErrors(fieldErrorsFromIssues<DiscountField>(error.data?.issues ?? undefined));
      },
    }),
  );
  const failure = create.error;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = text(form, "value");
    const parsed = createDiscountInput.safeParse({
      code: text(form, "code"),
      description: text(form, "description"),
      kind,
      value: kind === "percent" ? optionalNumber(value) : dollarsToCents(value),
      minSubtotalCents: dollarsToCents(text(form, "minSubtotal")),
      startsAt: utcMoment(text(form, "startsAt")),
      endsAt: utcMoment(text(form, "endsAt")),
      usageLimit: optionalNumber(text(form, "usageLimit")),
      perCustomerLimit: optionalNumber(text(form, "perCustomerLimit")),
    });
    if (!parsed.success) return setErrors(fieldErrorsFromZod<DiscountField>(parsed.error));
    setErrors({});
    create.mutate(parsed.data);
  }

  return (
    <form className="form panel" onSubmit={submit} noValidate style={{ maxWidth: "36rem" }} data-testid="discount-form">
      <h2 style={{ marginTop: 0 }}>New code</h2>
      <div aria-live="polite">
        {failure && errorCode(failure) !== "CONFLICT" && !failure.data?.issues ? (
          <p className="notice notice--error">{errorMessage(failure)}</p>
        ) : null}
      </div>
      <FormField
        name="code"
        label="Code"
        hint="3 to 40 letters, digits, - or _. Shoppers may type it in any case."
        errors={errors}
      >
        {(describedBy, invalid) => (
          <input
            id="discount-code"
            name="code"
            className="input"
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            maxLength={40}
            style={{ textTransform: "uppercase" }}
            aria-invalid={invalid}
            aria-describedby={describedBy}
          />
        )}
      </FormField>
      <FormField name="description" label="Description (optional, for staff)" errors={errors}>
        {(describedBy, invalid) => (
          <input
            id="discount-description"
            name="description"
            className="input"
            maxLength={200}
            aria-invalid={invalid}
            aria-describedby={describedBy}
          />
        )}
      </FormField>
      <fieldset className="field">
        <legend>Kind</legend>
        <div className="row">
          {discountKinds.map((option) => (
            <label key={option} className="checkbox">
              <input
                type="radio"
                name="kind"
                value={option}
                checked={kind === option}
                onChange={() => setKind(option)}
              />
              <span>{discountKindLabels[option]}</span>
            </label>
          ))}
        </div>
        <FieldError id="discount-kind-error" messages={errors.kind} />
      </fieldset>
      <FormField
        name="value"
        label={kind === "percent" ? "Percent off" : "Amount off (USD)"}
        hint={kind === "percent" ? "A whole number from 1 to 100." : "Taken off the subtotal, never more than it."}
        errors={errors}
      >
        {(describedBy, invalid) => (
          <input
            id="discount-value"
            name="value"
            type="number"
            className="input"
            min={kind === "percent" ? 1 : 0.01}
            max={kind === "percent" ? 100 : undefined}
            step={kind === "percent" ? 1 : 0.01}
            aria-invalid={invalid}
            aria-describedby={describedBy}
          />
        )}
      </FormField>
      <FormField
        name="minSubtotalCents"
        label="Minimum subtotal (USD, optional)"
        hint="The code applies from this subtotal up."
        errors={errors}
      >
        {(describedBy, invalid) => (
          <input
            id="discount-minSubtotalCents"
            name="minSubtotal"
            type="number"
            min={0}
            step="0.01"
            className="input"
            aria-invalid={invalid}
            aria-describedby={describedBy}
          />
        )}
      </FormField>
      <div className="admin-columns">
        <FormField name="startsAt" label="Starts (UTC, optional)" hint="Empty: usable at once." errors={errors}>
          {(describedBy, invalid) => (
            <input
              id="discount-startsAt"
              name="startsAt"
              type="datetime-local"
              className="input"
              aria-invalid={invalid}
              aria-describedby={describedBy}
            />
          )}
        </FormField>
        <FormField name="endsAt" label="Ends (UTC, optional)" hint="Empty: no end." errors={errors}>
          {(describedBy, invalid) => (
            <input
              id="discount-endsAt"
              name="endsAt"
              type="datetime-local"
              className="input"
              aria-invalid={invalid}
              aria-describedby={describedBy}
            />
          )}
        </FormField>
      </div>
      <div className="admin-columns">
        <FormField name="usageLimit" label="Uses in all (optional)" hint="Empty: no limit." errors={errors}>
          {(describedBy, invalid) => (
            <input
              id="discount-usageLimit"
              name="usageLimit"
              type="number"
              min={1}
              step={1}
              className="input"
              aria-invalid={invalid}
              aria-describedby={describedBy}
            />
          )}
        </FormField>
        <FormField
          name="perCustomerLimit"
          label="Uses per customer (optional)"
          hint="Counted by email. Empty: no limit."
          errors={errors}
        >
          {(describedBy, invalid) => (
            <input
              id="discount-perCustomerLimit"
              name="perCustomerLimit"
              type="number"
              min={1}
              step={1}
              className="input"
              aria-invalid={invalid}
              aria-describedby={describedBy}
            />
          )}
        </FormField>
      </div>
      <div className="row">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? "Saving…" : "Create code"}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
