/**
 * What a payment card number looks like: 13 to 19 digits (grouped by spaces
 * or dashes or not), starting as the card networks' numbers do (2 to 6), and
 * passing the Luhn check. Ids, timestamps and amounts seldom pass all three.
 */
const CANDIDATE = /(?<![\d.])[2-6]\d{3}(?:[ -]?\d){9,15}(?![\d.])/g;

function passesLuhn(digits: string): boolean {
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

/** The card numbers in `text`, as digits only. */
export function cardNumbersIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const digits = match[0].replace(/[ -]/g, "");
    if (digits.length >= 13 && digits.length <= 19 && passesLuhn(digits)) found.push(digits);
  }
  return found;
}
