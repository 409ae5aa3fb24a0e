import path from "node:path";
import type { Page } from "@playwright/test";
import { viewports } from "./lib/page-checks";
import { expect, test } from "./fixtures";
import { addToCart, SHOPPER, signInQuickly } from "./support";

// The README's pictures of the shop, taken from the production build by `npm run screenshots`
// (outside `npm test`, which writes nothing into the tree).

async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join("docs", "screenshots", `${name}.png`), animations: "disabled" });
}

for (const [name, viewport] of Object.entries(viewports)) {
  test(`the README's ${name} screenshot`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto("/");
    await expect(page.getByTestId("product-card")).toHaveCount(12);
    await screenshot(page, name);
  });
}

// Signed in, the header carries the account's links: the pages issue 27 found broken at this size.
test("the README's signed-in desktop screenshots: the account page and the checkout", async ({ page }) => {
  await page.setViewportSize(viewports.desktop);
  await signInQuickly(page, SHOPPER);
  await addToCart(page, "stoneware-mug", 2);
  await addToCart(page, "canvas-tote", 1);

  await page.goto("/account");
  await expect(page.getByTestId("signed-in-as")).toContainText("Sam Shopper");
  await expect(page.getByTestId("profile")).toContainText(SHOPPER.email);
  await screenshot(page, "desktop-account");

  await page.goto("/checkout");
  await expect(page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
  await expect(page.getByRole("main").getByText("Stoneware Mug").first()).toBeVisible();
  await screenshot(page, "desktop-checkout");
});
