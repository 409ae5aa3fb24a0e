import type { CountryCode } from "./countries";

export const shippingZones = ["domestic", "north-america", "europe", "world"] as const;
export type ShippingZone = (typeof shippingZones)[number];

const zoneOfCountry: Record<CountryCode, ShippingZone> = {
  US: "domestic",
  CA: "north-america",
  GB: "europe",
  DE: "europe",
  FR: "europe",
  NL: "europe",
  ES: "europe",
  IT: "europe",
  AU: "world",
  JP: "world",
};

export function zoneOf(country: CountryCode): ShippingZone {
  return zoneOfCountry[country];
}
