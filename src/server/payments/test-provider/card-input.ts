import { z } from "zod";

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The test provider's cards: what each one does on its payment page. */
export const TEST_CARDS = {
  approved: "4242424242424242",
  declined: "4000000000000002",
  /** Asks for an extra confirmation step (like 3-D Secure) before it is approved or declined. */
  authenticate: "4000002760003184",
  /** Approved, but the provider confirms it only after PAYMENT_TEST_DELAY_SECONDS. */
  delayed: "4000000000000077",
} as const;

export type TestCardBehaviour = keyof typeof TEST_CARDS;

export function testCardBehaviour(digits: string): TestCardBehaviour | null {
  const entry = Object.entries(TEST_CARDS).find(([, number]) => number === digits);
  return entry ? (entry[0] as TestCardBehaviour) : null;
}

/** Spaces and dashes are allowed as typed; the result is digits only. */
const cardNumber = z
  .string()
  .max(40, "Card number is too long")
  .transform((value) => value.replace(/[\s-]/g, ""))
  .pipe(
    z
      .string()
      .regex(/^\d{12,19}$/, "Enter the 12 to 19 digits of the card number")
      .refine(passesLuhn, "This card number is not valid; check the digits")
      .refine((digits) => testCardBehaviour(digits) !== null, "Test mode takes only the test cards listed below"),
  );

function notExpired(value: string): boolean {
  const [month, year] = value.split("/").map(Number);
  if (!month || year === undefined) return false;
  const now = new Date();
  const fullYear = 2000 + year;
  return fullYear > now.getUTCFullYear() || (fullYear === now.getUTCFullYear() && month >= now.getUTCMonth() + 1);
}

/**
 * What the test provider's page takes. It lives with the provider, never in the
 * shop's contract: the shop's server has no field for card data.
 */
export const cardInput = z.object({
  cardNumber,
  expiry: z
    .string()
    .trim()
    .regex(/^(0[1-9]|1[0-2])\s*\/\s*\d{2}$/, "Enter the expiry as MM/YY")
    .transform((value) => value.replace(/\s/g, ""))
    .refine(notExpired, "This card has expired"),
  cvc: z
    .string()
    .trim()
    .regex(/^\d{3,4}$/, "Enter the 3 or 4 digit security code"),
});
