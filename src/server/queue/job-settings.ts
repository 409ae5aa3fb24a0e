import { env } from "@/env";

/** Retries with doubling delays, then `failed`; a job running longer than the timeout is treated as crashed. */
export function jobRetryOptions() {
  return {
    retryLimit: env.JOB_RETRY_LIMIT,
    retryDelay: env.JOB_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    expireInSeconds: env.JOB_TIMEOUT_SECONDS,
  };
}

/** Failed jobs stay listed (and retryable) in the admin area this long before pg-boss archives them. */
export const FAILED_JOBS_KEPT_SECONDS = 30 * 24 * 3_600;

/** pg-boss's upkeep settings, the same for a worker and a drain. */
export const jobUpkeepOptions = { archiveFailedAfterSeconds: FAILED_JOBS_KEPT_SECONDS };
