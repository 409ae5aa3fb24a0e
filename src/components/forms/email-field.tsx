import { FieldError } from "./field-error";

/** The account's email address, as the sign-in and password-reset forms ask for it. */
export function EmailField({ errors }: { errors?: string[] }) {
  const invalid = Boolean(errors?.length);
  return (
    <div className="field">
      <label htmlFor="email">Email</label>
      <input
        id="email"
        name="email"
        type="email"
        autoComplete="email"
        className="input"
        required
        aria-invalid={invalid}
        aria-describedby={invalid ? "email-error" : undefined}
      />
      <FieldError id="email-error" messages={errors} />
    </div>
  );
}
