import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const hasSystemdAnalyze = spawnSync("systemd-analyze", ["--version"]).error === undefined;

// The guide's files are run, not only read: nginx's config by e2e/postgres/behind-nginx.spec.ts, the unit here.
describe("docs/deploy", () => {
  it.skipIf(!hasSystemdAnalyze)(
    `has a systemd unit that systemd-analyze accepts without a warning${hasSystemdAnalyze ? "" : " (skipped: systemd-analyze is not installed here; Debian's systemd package has it)"}`,
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), "storefront-unit-"));
      try {
        const unit = path.join(dir, "storefront@.service");
        copyFileSync(path.resolve("docs", "deploy", "storefront@.service"), unit);
        const result = spawnSync("systemd-analyze", ["verify", "--man=no", unit], { encoding: "utf8" });
        expect(`${result.stdout}${result.stderr}`.trim()).toBe("");
        expect(result.status).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
