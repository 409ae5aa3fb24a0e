/**
 * After the E2E suite: reads every server log it wrote (.reports/server-logs)
 * and fails when any line holds a secret. Prints where, never what.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { e2eSecrets, serverLogDir } from "../e2e/lib/server-env";
import { findSecrets } from "./log-secrets";

// A run that wrote almost nothing proves nothing: the suite makes thousands of requests.
const MINIMUM_LINES = 500;

const files = existsSync(serverLogDir) ? readdirSync(serverLogDir).filter((name) => name.endsWith(".log")) : [];
let lines = 0;
const findings = files.flatMap((name) => {
  const text = readFileSync(path.join(serverLogDir, name), "utf8");
  lines += text.split("\n").length;
  return findSecrets(name, text, e2eSecrets);
});

for (const finding of findings) console.error(`  ${finding.file}:${finding.line}: ${finding.kind}`);
if (lines < MINIMUM_LINES) {
  console.error(`Only ${lines} log lines in ${serverLogDir}: did the E2E suite run and write its server logs?`);
  process.exit(1);
}
if (findings.length > 0) {
  console.error(`${findings.length} secret(s) in the server logs.`);
  process.exit(1);
}
console.log(`No secret in ${lines} lines of ${files.length} server logs.`);
