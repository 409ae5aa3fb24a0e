import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The guide's files are run, not only read: nginx's config by e2e/postgres/behind-nginx.spec.ts, the unit here.
describe("docs/deploy", () => {
  it("has a systemd unit that systemd-analyze accepts without a warning", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "storefront-unit-"));
    try {
      const unit = path.join(dir, "storefront@.service");
      copyFileSync(path.resolve("docs", "deploy", "storefront@.service"), unit);
      const result = spawnSync("systemd-analyze", ["verify", "--man=no", unit], { encoding: "utf8" });
      expect(result.error, "systemd-analyze (Debian's systemd package) must be installed").toBeUndefined();
      expect(`${result.stdout}${result.stderr}`.trim()).toBe("");
      expect(result.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
