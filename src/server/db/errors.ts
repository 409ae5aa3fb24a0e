/** The SQLSTATE of a database error, looking through drizzle's wrapper. */
export function sqlState(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Class 22: the value itself is unacceptable (NUL in text, out-of-range number or date). */
export function isDataException(error: unknown): boolean {
  return sqlState(error)?.startsWith("22") ?? false;
}

/** 23505: a unique index refused the row (e.g. a slug that is taken). */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === "23505";
}
