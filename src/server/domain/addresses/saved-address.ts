import type { SavedAddressDto } from "@/lib/contracts/address";
import type { CountryCode } from "@/lib/shop/countries";
import { addresses } from "../../db/schema";

/** Address columns that may leave the server: never the owner's id. */
export const savedAddressColumns = {
  id: addresses.id,
  name: addresses.name,
  line1: addresses.line1,
  line2: addresses.line2,
  city: addresses.city,
  postalCode: addresses.postalCode,
  country: addresses.country,
  phone: addresses.phone,
  createdAt: addresses.createdAt,
};

type SavedAddressRow = Pick<typeof addresses.$inferSelect, keyof typeof savedAddressColumns>;

/** Only `addressFields` writes rows, so the country is one of the list; the output schema checks it again. */
export function toSavedAddress(row: SavedAddressRow): SavedAddressDto {
  return { ...row, country: row.country as CountryCode, createdAt: row.createdAt.toISOString() };
}

/** One answer for "not there" and "not yours", so ids cannot be probed. */
export const ADDRESS_NOT_FOUND = "We could not find that address in your address book.";
