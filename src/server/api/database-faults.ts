import { isDatabaseTimeout, isDatabaseUnavailable } from "../db/errors";
import { DomainError } from "../domain/errors";

/** How long a client should wait before trying again; the outage tests show the app back within seconds. */
const RETRY_AFTER_SECONDS = 2;

/**
 * A database that is away or too slow is no bug of ours and no mistake of the
 * caller's: the answer is a 503 that says so and when to try again, never a
 * 500. A timed-out statement was rolled back with its transaction, so the
 * message can promise nothing was changed.
 */
export function databaseFault(error: unknown): DomainError | null {
  const message = isDatabaseUnavailable(error)
    ? "The shop cannot reach its database right now. Please try again in a few seconds."
    : isDatabaseTimeout(error)
      ? "The shop's database took too long to answer, so nothing was changed. Please try again in a few seconds."
      : null;
  return message ? new DomainError("SERVICE_UNAVAILABLE", message, { retryAfterSeconds: RETRY_AFTER_SECONDS }) : null;
}

/**
 * A read that outran READ_TIMEOUT_MS: the caller gets its answer now; the
 * query is left to finish or to meet the statement timeout on the server.
 */
export function readTooSlow(): DomainError {
  return new DomainError(
    "SERVICE_UNAVAILABLE",
    "The shop's database is answering too slowly right now. Please try again in a few seconds.",
    { retryAfterSeconds: RETRY_AFTER_SECONDS },
  );
}
