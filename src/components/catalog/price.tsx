import { formatMoney } from "@/lib/money";
import { taxModeLabel, type TaxMode } from "@/lib/shop/tax-rates";

interface PriceProps {
  cents: number;
  currency: string;
  /** The store's one setting (PRICES_INCLUDE_TAX), read on the server and handed down. */
  taxMode: TaxMode;
  className?: string;
  /** Carried by the amount alone, so whatever reads it by test id gets "$18.00" without the tax note. */
  testId?: string;
}

/** A catalog price with its tax mode beside it: "$18.00 excl. tax". */
export function Price({ cents, currency, taxMode, className, testId }: PriceProps) {
  const amount = formatMoney(cents, currency);
  return (
    <span className={className}>
      {testId ? <span data-testid={testId}>{amount}</span> : amount}{" "}
      <small className="tax-mode">{taxModeLabel(taxMode)}</small>
    </span>
  );
}
