"use client";

import { useState } from "react";
import type { CheckoutQuoteDto } from "@/lib/contracts/checkout";

interface Props {
  applied: string;
  onApply: (code: string) => void;
  discount: CheckoutQuoteDto["discount"];
  disabled: boolean;
}

/** Typed here, applied on "Apply": the quote then says what the code does or why it does not apply. */
export function DiscountCodeField({ applied, onApply, discount, disabled }: Props) {
  const [typed, setTyped] = useState(applied);
  const refused = discount !== null && !discount.applies;
  return (
    <div className="field">
      <label htmlFor="discount-code">Discount code</label>
      <div style={{ display: "flex", gap: "0.5rem" }}>
        <input
          id="discount-code"
          className="input"
          value={typed}
          maxLength={40}
          autoComplete="off"
          aria-invalid={refused}
          aria-describedby={discount ? "discount-code-message" : undefined}
          disabled={disabled}
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={(event) => {
            // Enter applies the code rather than submitting the whole checkout.
            if (event.key === "Enter") {
              event.preventDefault();
              onApply(typed.trim());
            }
          }}
        />
        <button
          type="button"
          className="button button--secondary"
          disabled={disabled}
          onClick={() => onApply(typed.trim())}
        >
          Apply
        </button>
        {applied ? (
          <button
            type="button"
            className="button button--link"
            disabled={disabled}
            onClick={() => {
              setTyped("");
              onApply("");
            }}
          >
            Remove
          </button>
        ) : null}
      </div>
      <div aria-live="polite">
        {discount ? (
          <p
            id="discount-code-message"
            className={refused ? "field__error" : "field__hint"}
            data-testid="discount-message"
          >
            {discount.message}
          </p>
        ) : null}
      </div>
    </div>
  );
}
