import type { ExpectedServerError } from "../e2e/lib/expected-server-errors";

/**
 * Error-level lines in a server log that no test caused on purpose. Every E2E
 * server logs JSON (pino): level 50 is an error, 60 fatal. A test that makes a
 * server fail on purpose (a database stopped, a crash mid-checkout) names the
 * lines it expects in e2e/lib/expected-server-errors.ts, with the log they go
 * to; anything else at those levels fails the run.
 */

export interface ErrorFinding {
  file: string;
  line: number;
  message: string;
}

interface LogLine {
  level?: unknown;
  msg?: unknown;
  err?: { message?: unknown };
}

function parse(content: string): LogLine | null {
  if (!content.startsWith("{")) return null;
  try {
    return JSON.parse(content) as LogLine;
  } catch {
    return null;
  }
}

/** Each error or fatal line of `text` that no entry of `expected` names for this file. */
export function findUnexpectedErrors(
  file: string,
  text: string,
  expected: readonly ExpectedServerError[],
): ErrorFinding[] {
  const findings: ErrorFinding[] = [];
  text.split("\n").forEach((content, index) => {
    const line = parse(content);
    if (!line || typeof line.level !== "number" || line.level < 50) return;
    const message = [line.msg, line.err?.message].filter((part) => typeof part === "string").join(": ");
    const allowed = expected.some((entry) => entry.file.test(file) && entry.message.test(message));
    if (!allowed) findings.push({ file, line: index + 1, message: message.slice(0, 200) });
  });
  return findings;
}
