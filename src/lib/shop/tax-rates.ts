import type { CountryCode } from "./countries";

/**
 * One rate per destination country, in basis points (725 = 7.25 %). Illustrative rates: a
 * shop sets its own before it sells; sub-national rates (US states, Canadian provinces) are not modelled.
 */
export const taxRateBasisPoints: Record<CountryCode, number> = {
  US: 725,
  CA: 500,
  GB: 2_000,
  DE: 1_900,
  FR: 2_000,
  NL: 2_100,
  ES: 2_100,
  IT: 2_200,
  AU: 1_000,
  JP: 1_000,
};

export const taxModes = ["exclusive", "inclusive"] as const;
/** exclusive: catalog prices are net, tax is added at checkout; inclusive: prices already contain it. */
export type TaxMode = (typeof taxModes)[number];

export function taxModeLabel(mode: TaxMode): string {
  return mode === "inclusive" ? "incl. tax" : "excl. tax";
}
