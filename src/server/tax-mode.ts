import { env } from "@/env";
import type { TaxMode } from "@/lib/shop/tax-rates";

/**
 * Whether the catalog prices contain tax (PRICES_INCLUDE_TAX), for the pages that state it beside
 * every price. Its own file, outside the domain, because routes may not import the domain.
 */
export function storeTaxMode(): TaxMode {
  return env.PRICES_INCLUDE_TAX ? "inclusive" : "exclusive";
}
