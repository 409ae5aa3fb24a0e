import type { ExpectedServerError } from "../../scripts/log-errors";

/**
 * The error-level server log lines E2E tests cause on purpose, by log file
 * (main.log is the browser suite's server; instance-<port>.log one that a
 * test file starts). Everything else at error level fails the run
 * (scripts/scan-server-errors.ts).
 */
export const expectedServerErrors: readonly ExpectedServerError[] = [];
