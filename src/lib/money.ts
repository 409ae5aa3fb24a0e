const formatters = new Map<string, Intl.NumberFormat>();

/** Integer cents as money, e.g. 1850 → "$18.50". */
export function formatMoney(cents: number, currency = "USD"): string {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-US", { style: "currency", currency });
    formatters.set(currency, formatter);
  }
  return formatter.format(cents / 100);
}

/** Integer cents as a plain decimal string, e.g. 1850 → "18.50": exact, with no floating-point step. */
export function decimalAmount(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const whole = Math.abs(cents);
  return `${sign}${Math.floor(whole / 100)}.${String(whole % 100).padStart(2, "0")}`;
}
