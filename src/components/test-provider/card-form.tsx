"use client";

import { useActionState } from "react";
import { FieldError } from "@/components/forms/field-error";
import type { CardFormState } from "@/lib/test-card-form";

type CardAction = (state: CardFormState, formData: FormData) => Promise<CardFormState>;

/** The test provider's card form; the action keeps nothing but the card's test behaviour and last four digits. */
export function TestCardForm({ action, payLabel }: { action: CardAction; payLabel: string }) {
  const [state, formAction, pending] = useActionState<CardFormState, FormData>(action, {});
  const errors = state.fieldErrors;
  return (
    <form action={formAction} className="form" noValidate aria-label="Card details">
      <div aria-live="polite" role="status">
        {state.error ? <p className="notice notice--error">{state.error}</p> : null}
      </div>
      <div className="field">
        <label htmlFor="cardNumber">Card number</label>
        <input
          id="cardNumber"
          name="cardNumber"
          className="input"
          inputMode="numeric"
          autoComplete="cc-number"
          placeholder="4242 4242 4242 4242"
          maxLength={40}
          aria-invalid={Boolean(errors?.cardNumber)}
          aria-describedby="cardNumber-error"
        />
        <FieldError id="cardNumber-error" messages={errors?.cardNumber} />
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor="expiry">Expiry (MM/YY)</label>
          <input
            id="expiry"
            name="expiry"
            className="input"
            inputMode="numeric"
            autoComplete="cc-exp"
            placeholder="12/34"
            maxLength={7}
            aria-invalid={Boolean(errors?.expiry)}
            aria-describedby="expiry-error"
          />
          <FieldError id="expiry-error" messages={errors?.expiry} />
        </div>
        <div className="field">
          <label htmlFor="cvc">Security code</label>
          <input
            id="cvc"
            name="cvc"
            className="input"
            inputMode="numeric"
            autoComplete="cc-csc"
            placeholder="123"
            maxLength={4}
            aria-invalid={Boolean(errors?.cvc)}
            aria-describedby="cvc-error"
          />
          <FieldError id="cvc-error" messages={errors?.cvc} />
        </div>
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Paying…" : payLabel}
      </button>
    </form>
  );
}
