import type { AddressDto } from "./contracts/address";
import { countries, type CountryCode } from "./shop/countries";

// Where the postal code goes before the city on an envelope; elsewhere it follows it.
const POSTAL_CODE_FIRST: ReadonlySet<CountryCode> = new Set(["DE", "FR", "NL", "ES", "IT"]);

/** An address as it is written on a parcel, one line per part: the same on every page and in mail. */
export function postalAddressLines(address: AddressDto): string[] {
  const town = POSTAL_CODE_FIRST.has(address.country)
    ? `${address.postalCode} ${address.city}`
    : `${address.city} ${address.postalCode}`;
  return [
    address.name,
    address.line1,
    address.line2,
    town,
    countries[address.country].name,
    address.phone ? `Phone: ${address.phone}` : "",
  ].filter((line) => line !== "");
}
