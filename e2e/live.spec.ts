import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { addToCart, buyAsSomeoneElse, checkOutPaid, signUpQuickly } from "./support";

/** Live updates only count once the page's stream is open. */
async function waitUntilLive(page: Page) {
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-live-state", "live");
}

test("a purchase in one browser shows as sold out in another, on the catalog and the product page", async ({
  page,
  browser,
}) => {
  await page.goto("/?q=Clip-On");
  await waitUntilLive(page);
  const card = page.getByTestId("product-card").filter({ hasText: "Clip-On Reading Light" });
  await expect(card).toContainText("Only 2 left");

  const productPage = await page.context().newPage();
  await productPage.goto("/products/clip-on-reading-light");
  await waitUntilLive(productPage);
  await expect(productPage.getByTestId("product-stock")).toHaveText("Only 2 left");

  await buyAsSomeoneElse(browser, "clip-on-reading-light", 2);

  await expect(card).toContainText("Sold out");
  await expect(productPage.getByTestId("product-stock")).toHaveText("Sold out");
  await expect(productPage.getByRole("button", { name: "Sold out" })).toBeDisabled();
});

test("a cancellation shows in the customer's other tabs: the order turns cancelled and buying is possible again", async ({
  page,
}) => {
  await signUpQuickly(page, "Live Shopper");
  await addToCart(page, "double-wall-glass-cup", 3);

  const productPage = await page.context().newPage();
  await productPage.goto("/products/double-wall-glass-cup");
  await waitUntilLive(productPage);

  await checkOutPaid(page);
  await expect(productPage.getByTestId("product-stock")).toHaveText("Sold out");
  await expect(productPage.getByRole("button", { name: "Sold out" })).toBeDisabled();

  const ordersPage = await page.context().newPage();
  await ordersPage.goto("/orders");
  await waitUntilLive(ordersPage);
  await expect(ordersPage.getByTestId("order-status").first()).toHaveText("Paid");

  await page.getByRole("button", { name: "Cancel order" }).click();
  await page.getByRole("button", { name: "Yes, cancel order" }).click();

  await expect(ordersPage.getByTestId("order-status").first()).toHaveText("Cancelled");
  await expect(productPage.getByTestId("product-stock")).toHaveText("Only 3 left");
  await expect(productPage.getByRole("button", { name: "Add to cart" })).toBeEnabled();
});
