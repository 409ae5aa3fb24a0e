import { expect, test } from "./fixtures";
import { waitForMailTo } from "./lib/mailbox-client";
import { addToCart, APPROVED_CARD, fillShippingAddress, payOnProviderPage, signUpQuickly } from "./support";

const berlin = {
  name: "Erika Muster",
  line1: "Hauptstr. 1",
  line2: "",
  city: "Berlin",
  postalCode: "10115",
  country: "DE",
  phone: "",
} as const;

test("a shopper ships abroad by express with a code: the page, the provider, the order and the mail agree", async ({
  page,
}) => {
  const { email } = await signUpQuickly(page, "Abroad Buyer");
  await addToCart(page, "canvas-tote", 2);
  await page.goto("/checkout");
  await expect(page.getByTestId("checkout-total")).toHaveText("$48.00");

  // A postal code that is not German is refused in the browser by the server's own schema.
  await fillShippingAddress(page, { ...berlin, postalCode: "1011" });
  await page.getByRole("button", { name: /Continue to payment/ }).click();
  await expect(page.getByText(/not a valid postal code for Germany/)).toBeVisible();
  await page.getByLabel("Postal code").fill(berlin.postalCode);

  await page.getByRole("radio", { name: /^Express/ }).check();
  await page.getByLabel("Discount code").fill("nope");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("discount-message")).toHaveText("There is no discount code NOPE. Check the spelling.");
  await page.getByLabel("Discount code").fill("welcome10");
  await page.getByRole("button", { name: "Apply" }).click();

  // $48.00 − 10 % ($4.80) = $43.20; express to Germany $34.99 (never free); 19 % of $78.19 = $14.8561 → $14.86.
  await expect(page.getByTestId("checkout-discount")).toHaveText("−$4.80");
  await expect(page.getByTestId("checkout-shipping")).toHaveText("$34.99");
  await expect(page.getByTestId("checkout-tax")).toHaveText("$14.86");
  await expect(page.getByTestId("checkout-total")).toHaveText("$93.05");

  await page.getByRole("button", { name: /Continue to payment/ }).click();
  await expect(page).toHaveURL(/\/test-provider\/pay\/tps_/);
  await expect(page.getByTestId("payment-amount")).toHaveText("$93.05");
  await payOnProviderPage(page, APPROVED_CARD);
  await expect(page.getByTestId("order-paid")).toBeVisible();
  await expect(page.getByTestId("order-total")).toHaveText("$93.05");
  await expect(page.getByTestId("order-discount")).toContainText("WELCOME10");
  await expect(page.getByTestId("order-ship-to")).toContainText("10115 Berlin");

  const orderId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
  const confirmation = await waitForMailTo(email, (mail) => mail.text.includes(orderId.slice(0, 8)));
  for (const part of ["$93.05", "$4.80", "$34.99", "$14.86", "Erika Muster", "10115 Berlin"]) {
    expect(confirmation.text).toContain(part);
  }
});
