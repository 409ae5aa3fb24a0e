"use client";

import { useActionState } from "react";
import { FieldError } from "@/components/forms/field-error";
import type { CardFormState } from "@/lib/test-card-form";

type CardAction = (state: CardFormState, formData: FormData) => Promise<CardFormState>;
type FieldName = keyof NonNullable<CardFormState["fieldErrors"]>;

function CardField(props: {
  name: FieldName;
  label: string;
  autoComplete: string;
  placeholder: string;
  maxLength: number;
  errors?: string[];
}) {
  const { name, label, errors, ...input } = props;
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        className="input"
        inputMode="numeric"
        aria-invalid={Boolean(errors)}
        aria-describedby={`${name}-error`}
        {...input}
      />
      <FieldError id={`${name}-error`} messages={errors} />
    </div>
  );
}

/** The test provider's card form; the action keeps nothing but the card's test behaviour and last four digits. */
export function TestCardForm({ action, payLabel }: { action: CardAction; payLabel: string }) {
  const [state, formAction, pending] = useActionState<CardFormState, FormData>(action, {});
  const errors = state.fieldErrors;
  return (
    <form action={formAction} className="form" noValidate aria-label="Card details">
      <div aria-live="polite" role="status">
        {state.error ? <p className="notice notice--error">{state.error}</p> : null}
      </div>
      <CardField
        name="cardNumber"
        label="Card number"
        autoComplete="cc-number"
        placeholder="4242 4242 4242 4242"
        maxLength={40}
        errors={errors?.cardNumber}
      />
      <div className="row">
        <CardField
          name="expiry"
          label="Expiry (MM/YY)"
          autoComplete="cc-exp"
          placeholder="12/34"
          maxLength={7}
          errors={errors?.expiry}
        />
        <CardField
          name="cvc"
          label="Security code"
          autoComplete="cc-csc"
          placeholder="123"
          maxLength={4}
          errors={errors?.cvc}
        />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Paying…" : payLabel}
      </button>
    </form>
  );
}
