import { checkPage, viewports } from "./lib/page-checks";
import { expect, test } from "./fixtures";
import { ADMIN, addToCart, checkOutPaid, fillShippingAddress, signInQuickly, signUpQuickly } from "./support";

// Every page of the shop, as each kind of visitor sees it, at a desktop and a phone size.
const signedOutPages = [
  "/",
  "/c/kitchen",
  "/c/kitchen?inStock=1",
  "/?q=mug",
  "/products/stoneware-mug",
  "/sign-in",
  "/sign-up",
  "/forgot-password",
  // Links as a mail carries them (these tokens are not valid: the pages show their forms all the same).
  "/reset-password?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  "/verify-email?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  "/unsubscribe?token=not-a-real-token",
];
const PER_PAGE_MS = 6_000;
const adminPages = [
  "/admin",
  "/admin/products",
  "/admin/products/new",
  "/admin/orders",
  "/admin/discounts",
  "/admin/users",
  "/admin/audit",
  "/admin/jobs",
  "/admin/jobs?state=created",
];

for (const viewport of Object.keys(viewports) as (keyof typeof viewports)[]) {
  test.describe(`at ${viewport} size`, () => {
    test("signed-out pages, the 404 page among them", async ({ page, consoleGuard }) => {
      // axe takes one to two seconds a page on this machine: a budget per page, not one for all.
      test.setTimeout(PER_PAGE_MS * (signedOutPages.length + 1));
      consoleGuard.allow(/no-such-page: Failed to load resource: .* 404/);
      for (const path of [...signedOutPages, "/no-such-page"]) await checkPage(page, path, viewport);
    });

    test("a shopper's pages, with a cart and an order", async ({ page }) => {
      test.setTimeout(PER_PAGE_MS * 8 + 20_000);
      await signUpQuickly(page, "Axe Shopper");
      await addToCart(page, "enamel-camp-mug", 1);
      await checkOutPaid(page);
      const orderPage = new URL(page.url()).pathname;
      await addToCart(page, "canvas-tote", 2);
      for (const path of ["/", "/products/canvas-tote", "/cart", "/checkout", "/orders", orderPage, "/account"]) {
        await checkPage(page, path, viewport);
      }
      // The test provider's payment page, open, and the order awaiting payment behind it.
      await page.goto("/checkout");
      await expect(page.getByTestId("checkout-total")).toBeVisible();
      await fillShippingAddress(page);
      await page.getByRole("button", { name: /Continue to payment/ }).click();
      await page.waitForURL(/\/test-provider\/pay\/tps_/);
      const paymentPage = new URL(page.url()).pathname;
      await checkPage(page, paymentPage, viewport);
    });

    test("the admin area", async ({ page }) => {
      test.setTimeout(PER_PAGE_MS * (adminPages.length + 2) + 10_000);
      await signInQuickly(page, ADMIN);
      await page.goto("/admin/products");
      const editPage = await page.getByTestId("admin-products").getByRole("link").first().getAttribute("href");
      expect(editPage).toMatch(/^\/admin\/products\//);
      await page.goto("/admin/orders");
      const orderPage = await page.getByTestId("admin-order-link").first().getAttribute("href");
      expect(orderPage).toMatch(/^\/admin\/orders\/[0-9a-f-]{36}$/);
      for (const path of [...adminPages, editPage ?? "", orderPage ?? ""]) await checkPage(page, path, viewport);
    });
  });
}
