"use client";

import { FieldError } from "@/components/forms/field-error";
import { countries, countryCodes, type CountryCode } from "@/lib/shop/countries";
import type { AddressDraft, AddressErrors, AddressField } from "./address-draft";

interface AddressFieldsProps {
  /** Controlled: the parent keeps the draft (checkout can re-quote when `country` changes). */
  value: AddressDraft;
  onChange: (next: AddressDraft) => void;
  /** Per-field messages: from `checkAddressDraft` before sending, `addressErrorsFromIssues` after. */
  errors?: AddressErrors;
  /** Makes the inputs' ids unique on the page, e.g. "shipping" or "address-new". */
  idPrefix: string;
  legend?: string;
  /** Lets the browser fill the right saved address (`autocomplete="shipping …"`). */
  purpose?: "shipping" | "billing";
  disabled?: boolean;
}

function isCountryCode(code: string): code is CountryCode {
  return Object.hasOwn(countries, code);
}

/** Controlled address inputs (value + onChange + errors) for inside any <form>; on submit, `checkAddressDraft(value)`. */
export function AddressFields({
  value,
  onChange,
  errors = {},
  idPrefix,
  legend = "Address",
  purpose,
  disabled = false,
}: AddressFieldsProps) {
  const id = (field: AddressField) => `${idPrefix}-${field}`;
  const autoComplete = (token: string) => (purpose ? `${purpose} ${token}` : token);
  const country = isCountryCode(value.country) ? countries[value.country] : null;

  function field(
    name: AddressField,
    label: string,
    options: { autoComplete: string; maxLength: number; required?: boolean; hint?: string; type?: string },
  ) {
    const invalid = Boolean(errors[name]?.length);
    const hintId = options.hint ? `${id(name)}-hint` : null;
    const describedBy = [invalid ? `${id(name)}-error` : null, hintId].filter(Boolean).join(" ") || undefined;
    return (
      <div className="field">
        <label htmlFor={id(name)}>{label}</label>
        <input
          id={id(name)}
          name={name}
          type={options.type ?? "text"}
          className="input"
          value={value[name]}
          onChange={(event) => onChange({ ...value, [name]: event.target.value })}
          autoComplete={autoComplete(options.autoComplete)}
          maxLength={options.maxLength}
          required={options.required}
          aria-invalid={invalid}
          aria-describedby={describedBy}
        />
        {hintId ? (
          <p id={hintId} className="field__hint">
            {options.hint}
          </p>
        ) : null}
        <FieldError id={`${id(name)}-error`} messages={errors[name]} />
      </div>
    );
  }

  const countryInvalid = Boolean(errors.country?.length);
  return (
    <fieldset className="field" disabled={disabled}>
      <legend>{legend}</legend>
      <div className="stack">
        {field("name", "Full name", { autoComplete: "name", maxLength: 100, required: true })}
        {field("line1", "Address line 1", {
          autoComplete: "address-line1",
          maxLength: 120,
          required: true,
          hint: "Street and number, or PO box",
        })}
        {field("line2", "Address line 2 (optional)", {
          autoComplete: "address-line2",
          maxLength: 120,
          hint: "Apartment, suite, floor, company",
        })}
        {field("city", "City", { autoComplete: "address-level2", maxLength: 80, required: true })}
        <div className="field">
          <label htmlFor={id("country")}>Country</label>
          <select
            id={id("country")}
            name="country"
            className="select"
            value={value.country}
            onChange={(event) => onChange({ ...value, country: event.target.value })}
            autoComplete={autoComplete("country")}
            required
            aria-invalid={countryInvalid}
            aria-describedby={countryInvalid ? `${id("country")}-error` : undefined}
          >
            <option value="" disabled>
              Choose a country
            </option>
            {countryCodes.map((code) => (
              <option key={code} value={code}>
                {countries[code].name}
              </option>
            ))}
          </select>
          <FieldError id={`${id("country")}-error`} messages={errors.country} />
        </div>
        {field("postalCode", "Postal code", {
          autoComplete: "postal-code",
          maxLength: 16,
          required: true,
          hint: country
            ? `${country.name} postal codes look like ${country.postalExample}`
            : "Choose the country first",
        })}
        {field("phone", "Phone (optional)", {
          autoComplete: "tel",
          maxLength: 30,
          type: "tel",
          hint: "Only for the courier, if they need to reach you",
        })}
      </div>
    </fieldset>
  );
}
