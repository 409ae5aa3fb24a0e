/**
 * After the E2E suite: reads every server log it wrote (.reports/server-logs)
 * and fails on any error-level line that no test caused on purpose
 * (e2e/lib/expected-server-errors.ts). A warning that leaks every request, or
 * a render that fails unnoticed, then fails the run instead of scrolling by.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expectedServerErrors } from "../e2e/lib/expected-server-errors";
import { serverLogDir } from "../e2e/lib/server-env";
import { findUnexpectedErrors } from "./log-errors";

const files = existsSync(serverLogDir) ? readdirSync(serverLogDir).filter((name) => name.endsWith(".log")) : [];
if (files.length === 0) {
  console.error(`No server logs in ${serverLogDir}: did the E2E suite run?`);
  process.exit(1);
}
const findings = files.flatMap((name) =>
  findUnexpectedErrors(name, readFileSync(path.join(serverLogDir, name), "utf8"), expectedServerErrors),
);
for (const finding of findings.slice(0, 50)) console.error(`  ${finding.file}:${finding.line}: ${finding.message}`);
if (findings.length > 0) {
  console.error(`${findings.length} error-level line(s) in the server logs that no test caused on purpose.`);
  process.exit(1);
}
console.log(`No unexpected error in ${files.length} server logs.`);
