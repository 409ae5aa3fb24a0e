/** What the test provider's card form action answers: field errors only, never the values typed. */
export interface CardFormState {
  fieldErrors?: Partial<Record<"cardNumber" | "expiry" | "cvc", string[]>>;
  error?: string;
}
