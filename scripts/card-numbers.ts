import { passesLuhn } from "../src/server/payments/test-provider/card-input";

/**
 * What a payment card number looks like: 13 to 19 digits starting as the card
 * networks' do (2 to 6), written solid or in the groups printed on cards
 * (4-4-4-4 or 4-6-5, by spaces or dashes), standing alone (not inside an id,
 * a UUID or a hash), and passing the Luhn check.
 */
const CANDIDATE =
  /(?<![0-9A-Za-z_-])(?:[2-6]\d{12,18}|[2-6]\d{3}([ -])\d{4}\1\d{4}\1\d{1,7}|3\d{3}([ -])\d{6}\2\d{5})(?![0-9A-Za-z_])/g;

/** The card numbers in `text`, as digits only. */
export function cardNumbersIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const digits = match[0].replace(/[ -]/g, "");
    if (digits.length >= 13 && digits.length <= 19 && passesLuhn(digits)) found.push(digits);
  }
  return found;
}
