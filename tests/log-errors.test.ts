import { describe, expect, it } from "vitest";
import type { ExpectedServerError } from "../e2e/lib/expected-server-errors";
import { findUnexpectedErrors } from "../scripts/log-errors";

const log = [
  "✓ Running next.config.mjs took 22ms",
  JSON.stringify({ level: 30, msg: "request" }),
  JSON.stringify({ level: 40, msg: "rate limiter unavailable; allowing the request" }),
  JSON.stringify({ level: 50, msg: "procedure failed", err: { message: "connect ECONNREFUSED 127.0.0.1:5499" } }),
  JSON.stringify({ level: 50, source: "console", msg: "(node:1) MaxListenersExceededWarning: 11 close listeners" }),
  JSON.stringify({ level: 60, msg: "refusing to start" }),
].join("\n");

describe("error-level lines in the E2E servers' logs", () => {
  it("reports every error and fatal line, and nothing below", () => {
    expect(findUnexpectedErrors("main.log", log, []).map((finding) => finding.line)).toEqual([4, 5, 6]);
  });

  it("lets through only what a test names for that log", () => {
    const expected: ExpectedServerError[] = [
      { file: /^instance-3141\.log$/, message: /ECONNREFUSED/, because: "the database is stopped on purpose" },
    ];
    expect(findUnexpectedErrors("instance-3141.log", log, expected).map((finding) => finding.line)).toEqual([5, 6]);
    expect(findUnexpectedErrors("main.log", log, expected).map((finding) => finding.line)).toEqual([4, 5, 6]);
  });
});
