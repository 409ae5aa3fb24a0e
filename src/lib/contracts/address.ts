import { z } from "zod";
import { countries, countryCodes } from "../shop/countries";
import { textInput } from "../validation/text";

function requiredLine(label: string, max: number) {
  return textInput(max, `${label} is at most ${max} characters`).trim().min(1, `${label} is required`);
}

/** One schema for the address form in the browser and every input on the server. */
export const addressFields = z
  .object({
    name: requiredLine("Name", 100),
    line1: requiredLine("Address line 1", 120),
    line2: textInput(120, "Address line 2 is at most 120 characters").trim().default(""),
    city: requiredLine("City", 80),
    postalCode: requiredLine("Postal code", 16).toUpperCase(),
    country: z.enum(countryCodes, { error: "Choose a country from the list: the shop ships to those only" }),
    phone: textInput(30, "Phone is at most 30 characters")
      .trim()
      .regex(/^(\+?[\d ().-]{6,30})?$/, "Phone takes digits, spaces and + ( ) . - only")
      .default(""),
  })
  .superRefine((address, context) => {
    const country = countries[address.country];
    if (!country.postalCode.test(address.postalCode)) {
      context.addIssue({
        code: "custom",
        path: ["postalCode"],
        message: `That is not a valid postal code for ${country.name} (for example ${country.postalExample})`,
      });
    }
  })
  .meta({ id: "AddressInput", description: "A postal address; the country is an ISO 3166 code from the shop's list." });

export const address = z
  .object({
    name: z.string(),
    line1: z.string(),
    line2: z.string(),
    city: z.string(),
    postalCode: z.string(),
    country: z.enum(countryCodes),
    phone: z.string(),
  })
  .meta({ id: "Address" });

export const savedAddress = address.extend({ id: z.uuid(), createdAt: z.iso.datetime() }).meta({ id: "SavedAddress" });

export const addressIdInput = z.object({ id: z.uuid("Address ids are UUIDs") });
export const updateAddressInput = z.object({ id: z.uuid("Address ids are UUIDs"), address: addressFields });

export type AddressInput = z.input<typeof addressFields>;
export type AddressDto = z.infer<typeof address>;
export type SavedAddressDto = z.infer<typeof savedAddress>;
