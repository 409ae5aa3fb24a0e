/** The SQLSTATE of a database error, looking through drizzle's wrapper. */
export function sqlState(error: unknown): string | undefined {
  return errorCodes(error).find((code) => /^[0-9A-Z]{5}$/.test(code));
}

/** Class 22: the value itself is unacceptable (NUL in text, out-of-range number or date). */
export function isDataException(error: unknown): boolean {
  return sqlState(error)?.startsWith("22") ?? false;
}

/** 23505: a unique index refused the row (e.g. a slug that is taken). */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === "23505";
}

/**
 * Codes that say the database cannot be reached or has gone away: Node's socket
 * errors, postgres.js's own connection errors, and the SQLSTATEs of a server
 * that is shutting down, starting up or full.
 */
const unreachableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
]);

/** Every `code` in the error, its causes and (for a connection tried on several addresses) its `errors`. */
function errorCodes(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== "object" || depth > 5) return [];
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  return [
    ...(typeof code === "string" ? [code] : []),
    ...errorCodes(cause, depth + 1),
    ...(Array.isArray(errors) ? errors.flatMap((inner) => errorCodes(inner, depth + 1)) : []),
  ];
}

/** The database is down, restarting or unreachable: nothing the caller did, worth a retry shortly. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return errorCodes(error).some((code) => unreachableCodes.has(code) || code.startsWith("08"));
}

/** 57014 (statement_timeout) or 55P03 (lock_timeout): the database gave up on a query that took too long. */
export function isDatabaseTimeout(error: unknown): boolean {
  const state = sqlState(error);
  return state === "57014" || state === "55P03";
}
