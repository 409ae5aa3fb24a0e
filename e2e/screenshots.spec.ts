import path from "node:path";
import { viewports } from "./lib/page-checks";
import { expect, test } from "./fixtures";

// The README's two pictures of the shop, taken from the production build by `npm run screenshots`
// (outside `npm test`, which writes nothing into the tree).
for (const [name, viewport] of Object.entries(viewports)) {
  test(`the README's ${name} screenshot`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto("/");
    await expect(page.getByTestId("product-card")).toHaveCount(12);
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: path.join("docs", "screenshots", `${name}.png`), animations: "disabled" });
  });
}
