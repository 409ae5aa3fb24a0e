import { expect, test } from "./fixtures";
import {
  addToCart,
  APPROVED_CARD,
  buyAsSomeoneElse,
  checkOut,
  checkOutPaid,
  DECLINED_CARD,
  fillShippingAddress,
  payOnProviderPage,
  SHOPPER,
  signInQuickly,
  signUpQuickly,
} from "./support";

test("buy two products, change a quantity, pay, see the order, cancel it and get the stock back", async ({ page }) => {
  await signUpQuickly(page, "Full Flow");
  await page.goto("/products/stoneware-mug");
  await expect(page.getByTestId("product-stock")).toHaveText("120 in stock");

  await addToCart(page, "stoneware-mug", 2);
  await expect(page.getByTestId("cart-link")).toHaveText("Cart (2)");
  await addToCart(page, "canvas-tote", 1);
  await expect(page.getByTestId("cart-link")).toHaveText("Cart (3)");

  await page.getByTestId("cart-link").click();
  await expect(page.getByTestId("cart-line")).toHaveCount(2);
  await expect(page.getByTestId("cart-subtotal")).toHaveText("$60.00");
  await page.getByLabel("Quantity of Stoneware Mug").selectOption("3");
  await expect(page.getByTestId("cart-subtotal")).toHaveText("$78.00");
  await expect(page.getByTestId("cart-link")).toHaveText("Cart (4)");

  await page.getByRole("link", { name: "Check out" }).click();
  // Shipping and tax wait for the address; then $78.00 ships free in the US and 7.25 % tax is $5.66 (565.5 ¢, half up).
  await expect(page.getByTestId("checkout-total")).toHaveText("$78.00");
  await expect(page.getByTestId("checkout-shipping")).toHaveText("Enter an address");
  await fillShippingAddress(page);
  await expect(page.getByTestId("checkout-shipping")).toHaveText("Free");
  await expect(page.getByTestId("checkout-tax")).toHaveText("$5.66");
  await expect(page.getByTestId("checkout-total")).toHaveText("$83.66");
  await page.getByRole("button", { name: /Continue to payment/ }).click();
  // The card goes to the provider's page, never to the shop; its webhook turns the order paid.
  await expect(page).toHaveURL(/\/test-provider\/pay\/tps_/);
  await expect(page.getByTestId("payment-amount")).toHaveText("$83.66");
  await payOnProviderPage(page, APPROVED_CARD);
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+\?payment=return$/);
  await expect(page.getByTestId("order-paid")).toBeVisible();
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  await expect(page.getByTestId("order-total")).toHaveText("$83.66");
  await expect(page.getByTestId("cart-link")).toHaveText("Cart (0)");
  const orderUrl = page.url();

  await page.goto("/products/stoneware-mug");
  await expect(page.getByTestId("product-stock")).toHaveText("117 in stock");

  await page.getByRole("link", { name: "Orders" }).click();
  await expect(page.getByTestId("order-row")).toHaveCount(1);
  await expect(page.getByTestId("order-row")).toContainText("$83.66");
  await expect(page.getByTestId("order-row").getByTestId("order-status")).toHaveText("Paid");
  await page.getByTestId("order-row").getByRole("link").click();
  await expect(page).toHaveURL(orderUrl.replace("?payment=return", ""));

  await page.getByRole("button", { name: "Cancel order" }).click();
  await page.getByRole("button", { name: "Yes, cancel order" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Cancelled");
  await expect(page.getByTestId("refund")).toContainText("$83.66 refunded");
  await expect(page.getByRole("button", { name: "Cancel order" })).toHaveCount(0);

  await page.goto("/products/stoneware-mug");
  await expect(page.getByTestId("product-stock")).toHaveText("120 in stock");
});

test("a declined card leaves the order awaiting payment; paying again from the order makes it paid", async ({
  page,
}) => {
  await signUpQuickly(page, "Declined Card");
  await addToCart(page, "linen-sketchbook", 2);
  await checkOut(page, DECLINED_CARD);
  await expect(page.getByTestId("payment-declined")).toContainText("ending 0002 was declined");
  await page.getByTestId("return-to-shop").click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+\?payment=return$/);
  await expect(page.getByTestId("payment-declined")).toContainText("Your payment was declined");
  await expect(page.getByTestId("order-status")).toHaveText("Awaiting payment");

  await page.getByRole("button", { name: /Pay again/ }).click();
  await expect(page).toHaveURL(/\/test-provider\/pay\/tps_/);
  await payOnProviderPage(page, APPROVED_CARD);
  await expect(page.getByTestId("order-paid")).toBeVisible();
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  await expect(page.getByTestId("charge")).toHaveCount(2);
  await page.goto("/orders");
  await expect(page.getByTestId("order-row")).toHaveCount(1);
});

test("the provider's page catches a card number that is not valid, and takes test cards only", async ({ page }) => {
  await signUpQuickly(page, "Bad Card");
  await addToCart(page, "linen-sketchbook", 1);
  await checkOut(page, "1234 5678 9012 3456");
  await expect(page.getByText("This card number is not valid; check the digits")).toBeVisible();
  await expect(page.getByLabel("Card number")).toHaveAttribute("aria-invalid", "true");
  await payOnProviderPage(page, "5555 5555 5555 4444");
  await expect(page.getByText("Test mode takes only the test cards listed below")).toBeVisible();
});

test("double-clicking Continue to payment creates one order", async ({ page }) => {
  await signUpQuickly(page, "Double Click");
  await addToCart(page, "field-notes-journal", 1);
  await page.goto("/checkout");
  await expect(page.getByTestId("checkout-total")).toBeVisible();
  await fillShippingAddress(page);
  await page.getByRole("button", { name: /Continue to payment/ }).dblclick();
  await expect(page).toHaveURL(/\/test-provider\/pay\/tps_/);
  await page.goto("/orders");
  await expect(page.getByTestId("order-row")).toHaveCount(1);
});

test("an item that sells out before checkout is named, and nothing is bought", async ({ page, browser }) => {
  await signUpQuickly(page, "Too Slow");
  await addToCart(page, "weekender-duffel", 1);

  await buyAsSomeoneElse(browser, "weekender-duffel", 1);

  await page.goto("/checkout");
  await expect(page.getByTestId("checkout-total")).toBeVisible();
  await fillShippingAddress(page);
  await page.getByRole("button", { name: /Continue to payment/ }).click();
  await expect(page.getByTestId("checkout-error")).toContainText("Sold out or short: Weekender Duffel");
  await page.goto("/orders");
  await expect(page.getByTestId("no-orders")).toBeVisible();
  await page.goto("/products/weekender-duffel");
  await expect(page.getByRole("button", { name: "Sold out" })).toBeDisabled();
});

test("signed-out shoppers are sent to sign in and come back", async ({ page }) => {
  await page.goto("/products/oak-stool");
  await page.getByRole("link", { name: "Sign in to buy" }).click();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fproducts%2Foak-stool/);
  await page.getByLabel("Email").fill(SHOPPER.email);
  await page.getByLabel("Password").fill(SHOPPER.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/products\/oak-stool$/);
  await expect(page.getByRole("button", { name: "Add to cart" })).toBeEnabled();
});

test("the cart, checkout and orders pages ask for sign-in", async ({ page }) => {
  for (const path of ["/cart", "/checkout", "/orders"]) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/sign-in\\?callbackUrl=${encodeURIComponent(path)}$`));
  }
});

test("someone else's order is a 404", async ({ page, consoleGuard }) => {
  consoleGuard.allow(/\/orders\/[0-9a-f-]+: Failed to load resource: .* 404/);
  await signUpQuickly(page, "Owner");
  await addToCart(page, "terracotta-planter", 1);
  await checkOutPaid(page);
  const orderPath = new URL(page.url()).pathname;

  await page.context().clearCookies();
  await signInQuickly(page, SHOPPER);
  const response = await page.goto(orderPath);
  expect(response?.status()).toBe(404);
});

test("a quantity the stock can no longer cover rolls back with a message", async ({ page, browser }) => {
  await signUpQuickly(page, "Optimist");
  await addToCart(page, "pocket-atlas", 1);
  await page.goto("/cart");
  await expect(page.getByLabel("Quantity of Pocket Atlas")).toHaveValue("1");

  // Someone else buys one of the two while this cart page is open.
  await buyAsSomeoneElse(browser, "pocket-atlas", 1);

  await page.getByLabel("Quantity of Pocket Atlas").selectOption("2");
  await expect(page.getByTestId("cart-error")).toContainText("Only 1 of Pocket Atlas is left.");
  await expect(page.getByLabel("Quantity of Pocket Atlas")).toHaveValue("1");
  await expect(page.getByTestId("cart-subtotal")).toHaveText("$16.00");
});

test("pages carry protective headers", async ({ page }) => {
  const response = await page.goto("/");
  const headers = response?.headers() ?? {};
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-powered-by"]).toBeUndefined();
});
