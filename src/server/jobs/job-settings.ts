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
