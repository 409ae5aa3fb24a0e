import { fieldErrorsFromIssues, fieldErrorsFromZod, type FieldErrors } from "@/components/forms/field-errors";
import { addressFields, type AddressDto } from "@/lib/contracts/address";

export type AddressField = keyof AddressDto;

/** What the address inputs hold while someone types: plain strings, the country "" until one is chosen. */
export type AddressDraft = Record<AddressField, string>;

export type AddressErrors = FieldErrors<AddressField>;

export const emptyAddressDraft: AddressDraft = {
  name: "",
  line1: "",
  line2: "",
  city: "",
  postalCode: "",
  country: "",
  phone: "",
};

export function draftFromAddress(address: AddressDto): AddressDraft {
  const { name, line1, line2, city, postalCode, country, phone } = address;
  return { name, line1, line2, city, postalCode, country, phone };
}

/** The same check the server makes (`addressFields`), before anything is sent. */
export function checkAddressDraft(
  draft: AddressDraft,
): { ok: true; address: AddressDto } | { ok: false; errors: AddressErrors } {
  const parsed = addressFields.safeParse(draft);
  return parsed.success
    ? { ok: true, address: parsed.data }
    : { ok: false, errors: fieldErrorsFromZod<AddressField>(parsed.error) };
}

/**
 * The server's `data.issues` for the address, keyed by field. `under` is where the address sits in
 * the procedure's input: "address" for `account.addresses.update`, "shippingAddress" at checkout.
 */
export function addressErrorsFromIssues(
  issues: { path: string; message: string }[] | null | undefined,
  under?: string,
): AddressErrors {
  const prefix = under ? `${under}.` : "";
  const own = (issues ?? [])
    .filter((issue) => issue.path.startsWith(prefix))
    .map((issue) => ({ ...issue, path: issue.path.slice(prefix.length) }));
  return fieldErrorsFromIssues<AddressField>(own);
}
