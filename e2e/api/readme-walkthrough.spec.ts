import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "../fixtures";

// The README's "Use the API" walk-through, run as written (only the origin differs).
test("the README's curl walk-through works as written", ({ baseURL }) => {
  const readme = readFileSync("README.md", "utf8");
  const block = /<!-- api-walkthrough:start -->\s*```bash\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block, "the README has an api-walkthrough block").toBeTruthy();
  const output = execFileSync("bash", ["-euo", "pipefail", "-c", block ?? ""], {
    env: { ...process.env, STOREFRONT: baseURL },
    encoding: "utf8",
    timeout: 30_000,
  });
  const lines = output.trim().split("\n");
  expect(lines.at(-1)).toBe("cancelled");
  expect(output).toContain('"slug":"stoneware-mug"');
  // Two $18.00 mugs − 10 % ($3.60) = $32.40; standard to Germany $14.99; 19 % tax of $47.39 = $9.0041 → $9.00.
  expect(lines.at(-5)).toBe("5639");
  const repeatedId = lines.at(-3);
  expect(repeatedId).toMatch(/^[0-9a-f-]{36}$/);
  // The repeated request answered with the order the first one placed: the only one in the list.
  const listed = JSON.parse(lines.at(-2) ?? "{}") as { items: { id: string; status: string }[] };
  expect(listed.items.filter((order) => order.id === repeatedId)).toHaveLength(1);
});
