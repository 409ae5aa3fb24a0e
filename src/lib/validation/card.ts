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

/** Spaces and dashes are allowed as typed; the result is digits only. */
export const cardNumberSchema = z
  .string()
  .max(40, "Card number is too long")
  .transform((value) => value.replace(/[\s-]/g, ""))
  .pipe(
    z
      .string()
      .regex(/^\d{12,19}$/, "Enter the 12 to 19 digits of your card number")
      .refine(passesLuhn, "This card number is not valid; check the digits"),
  );
