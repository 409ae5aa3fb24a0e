import { gzipBytes, jsBudgets, kB } from "../scripts/js-budget";
import { expect, test } from "./fixtures";

// What Chromium really downloads on a first visit: every script response, gzip-compressed at level 9.
for (const [path, budget] of Object.entries(jsBudgets)) {
  test(`first load of ${path} stays within ${kB(budget)} of JavaScript`, async ({ page }) => {
    const bodies: Promise<{ url: string; gzipBytes: number }>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      bodies.push(response.body().then((body) => ({ url: response.url(), gzipBytes: gzipBytes(body) })));
    });
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const scripts = await Promise.all(bodies);
    const total = scripts.reduce((sum, script) => sum + script.gzipBytes, 0);
    const breakdown = scripts.map((script) => `${kB(script.gzipBytes)} ${new URL(script.url).pathname}`).join("\n");
    expect(scripts.length, "the page loads its scripts").toBeGreaterThan(0);
    expect(total, `${path} loads ${kB(total)}:\n${breakdown}`).toBeLessThanOrEqual(budget);
  });
}
