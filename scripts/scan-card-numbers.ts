/**
 * After the E2E suite: no card number in the repository (beyond the test
 * provider's published test cards), and none at all in the database the
 * suite's main server wrote, where test cards were typed on the provider's
 * page hundreds of times. Prints where, never what. (Server logs are read by
 * scan-server-logs.ts, which looks for card numbers too.)
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { TEST_CARDS } from "../src/server/payments/test-provider/card-input";
import { cardNumbersIn } from "./card-numbers";

// Numbers published as test cards: the test provider's own, and a network's that a test shows it refuses.
const PUBLISHED_TEST_CARDS = new Set<string>([...Object.values(TEST_CARDS), "5555555555554444"]);
const MAIN_DATABASE = ".data/e2e";

function repositoryFindings(): string[] {
  const files = execFileSync("git", ["ls-files", "-z"], { encoding: "utf8" }).split("\0").filter(Boolean);
  return files.flatMap((file) => {
    if (!existsSync(file)) return [];
    const unpublished = cardNumbersIn(readFileSync(file, "utf8")).filter((digits) => !PUBLISHED_TEST_CARDS.has(digits));
    return unpublished.length > 0 ? [`${file}: ${unpublished.length} card number(s)`] : [];
  });
}

async function databaseFindings(): Promise<{ findings: string[]; rows: number }> {
  const db = await PGlite.create(MAIN_DATABASE);
  try {
    const tables = await db.query<{ schema: string; name: string }>(
      `select table_schema as schema, table_name as name from information_schema.tables
       where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
    );
    let rows = 0;
    const findings: string[] = [];
    // A database where nobody paid proves nothing: the suite pays on the test provider's page many times.
    const paid = await db.query<{ n: number }>(
      "select count(*)::int as n from test_provider.sessions where card_last4 is not null",
    );
    if ((paid.rows[0]?.n ?? 0) < 10) findings.push("fewer than 10 test payments in the database: did the suite run?");
    for (const { schema, name } of tables.rows) {
      const result = await db.query<{ row: string }>(`select t::text as row from "${schema}"."${name}" t`);
      rows += result.rows.length;
      const hits = result.rows.filter(({ row }) => cardNumbersIn(row).length > 0).length;
      if (hits > 0) findings.push(`${schema}.${name}: ${hits} row(s) hold a card number`);
    }
    return { findings, rows };
  } finally {
    await db.close();
  }
}

const repository = repositoryFindings();
if (!existsSync(MAIN_DATABASE)) {
  console.error(`No database at ${MAIN_DATABASE}: did the E2E suite run?`);
  process.exit(1);
}
const database = await databaseFindings();
const findings = [...repository, ...database.findings];
for (const finding of findings) console.error(`  ${finding}`);
if (findings.length > 0) {
  console.error(`${findings.length} place(s) hold a card number.`);
  process.exit(1);
}
console.log(`No card number in the repository or in ${database.rows} rows of the E2E database.`);
