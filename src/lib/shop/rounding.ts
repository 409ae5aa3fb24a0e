/**
 * The shop's one rounding rule: a derived amount (a percentage discount, tax) is computed once,
 * on the order's total rather than per line, as an exact fraction of whole cents, and rounded half up
 * to a whole cent. Integer arithmetic only (BigInt, so large totals divide exactly): no floating-point cents.
 */
export function roundHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0 || numerator < 0) {
    throw new RangeError("roundHalfUp takes a non-negative integer fraction with a positive denominator");
  }
  return Number((2n * BigInt(numerator) + BigInt(denominator)) / (2n * BigInt(denominator)));
}
