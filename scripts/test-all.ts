/**
 * npm test — every check in one command: typecheck, lint, the integration
 * suite (PGlite, plus PostgreSQL when TEST_DATABASE_URL is set) and the
 * Playwright E2E suite against a production build, then a scan of that
 * suite's server logs for secrets. Runs them all even when
 * one fails, then prints one closing line: "N passed, N failed".
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const reports = path.resolve(".reports");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

interface Tally {
  passed: number;
  failed: number;
}

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  process.stdout.write(`\n▶ ${label}: ${command} ${args.join(" ")}\n`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : undefined;
}

const bin = (name: string) => path.resolve("node_modules", ".bin", name);
const tallies: Record<string, Tally> = {};

// Typecheck and lint count as one test each.
for (const [label, command, args] of [
  ["typecheck", bin("tsc"), ["--noEmit"]],
  ["lint", bin("eslint"), ["--max-warnings", "0", "."]],
] as const) {
  const ok = run(label, command, [...args]);
  tallies[label] = { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
}

const vitestReport = path.join(reports, "vitest.json");
const vitestOk = run("integration", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile=${vitestReport}`,
]);
const vitest = readJson<{ numPassedTests: number; numFailedTests: number }>(vitestReport);
tallies.integration = vitest
  ? { passed: vitest.numPassedTests, failed: vitest.numFailedTests + (vitestOk || vitest.numFailedTests > 0 ? 0 : 1) }
  : { passed: 0, failed: 1 };

const e2eReport = path.join(reports, "e2e.json");
const e2eOk = run("e2e", bin("playwright"), ["test", "--reporter=list,json"], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport,
});
const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(e2eReport);
tallies.e2e = e2e
  ? {
      passed: e2e.stats.expected,
      failed: e2e.stats.unexpected + e2e.stats.flaky + (e2eOk || e2e.stats.unexpected > 0 ? 0 : 1),
    }
  : { passed: 0, failed: 1 };

// One more test over the whole E2E run: no secret in any server log it wrote.
const logsClean = run("log secrets", bin("tsx"), ["scripts/scan-server-logs.ts"]);
tallies["log secrets"] = { passed: logsClean ? 1 : 0, failed: logsClean ? 0 : 1 };

// And one over card data: none in the repository beyond published test cards, none in the suite's database.
const cardsAbsent = run("card numbers", bin("tsx"), ["scripts/scan-card-numbers.ts"]);
tallies["card numbers"] = { passed: cardsAbsent ? 1 : 0, failed: cardsAbsent ? 0 : 1 };

// And one over its errors: no error-level server log line that no test caused on purpose.
const errorsExpected = run("log errors", bin("tsx"), ["scripts/scan-server-errors.ts"]);
tallies["log errors"] = { passed: errorsExpected ? 1 : 0, failed: errorsExpected ? 0 : 1 };

process.stdout.write("\nSummary\n");
if (!process.env.TEST_DATABASE_URL) {
  process.stdout.write(
    "  (TEST_DATABASE_URL is not set: the PostgreSQL runs of the integration and E2E suites were left out)\n",
  );
}
if (!process.env.TEST_REDIS_URL) {
  process.stdout.write("  (TEST_REDIS_URL is not set: the Redis rate-limit store tests were left out)\n");
}
for (const [label, tally] of Object.entries(tallies)) {
  process.stdout.write(`  ${label.padEnd(12)} ${tally.passed} passed, ${tally.failed} failed\n`);
}
const passed = Object.values(tallies).reduce((sum, tally) => sum + tally.passed, 0);
const failed = Object.values(tallies).reduce((sum, tally) => sum + tally.failed, 0);
const closingLine = `${passed} passed, ${failed} failed`;
writeFileSync(path.join(reports, "summary.txt"), `${closingLine}\n`);
process.stdout.write(`${closingLine}\n`);
process.exit(failed === 0 ? 0 : 1);
