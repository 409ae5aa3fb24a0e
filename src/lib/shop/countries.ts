/**
 * The countries the shop ships to, with the shape of their postal codes. One list serves the
 * address form, the zod schema on both sides, shipping zones and tax rates.
 */
export const countries = {
  US: { name: "United States", postalCode: /^\d{5}(-\d{4})?$/, postalExample: "94107 or 94107-1234" },
  CA: { name: "Canada", postalCode: /^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/, postalExample: "K1A 0B1" },
  GB: {
    name: "United Kingdom",
    postalCode: /^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$/,
    postalExample: "SW1A 1AA",
  },
  DE: { name: "Germany", postalCode: /^\d{5}$/, postalExample: "10115" },
  FR: { name: "France", postalCode: /^\d{5}$/, postalExample: "75001" },
  NL: { name: "Netherlands", postalCode: /^\d{4} ?[A-Za-z]{2}$/, postalExample: "1012 AB" },
  ES: { name: "Spain", postalCode: /^\d{5}$/, postalExample: "28001" },
  IT: { name: "Italy", postalCode: /^\d{5}$/, postalExample: "00118" },
  AU: { name: "Australia", postalCode: /^\d{4}$/, postalExample: "2000" },
  JP: { name: "Japan", postalCode: /^\d{3}-?\d{4}$/, postalExample: "100-0001" },
} as const;

export type CountryCode = keyof typeof countries;

export const countryCodes = Object.keys(countries) as [CountryCode, ...CountryCode[]];
