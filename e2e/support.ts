import { shipTo } from "../tests/support/shipping";
import { expect, type Browser, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "storefront-demo";
export const SHOPPER = { email: "shopper@storefront.test", password: DEMO_PASSWORD };
export const ADMIN = { email: "admin@storefront.test", password: DEMO_PASSWORD };

/** Signs in through Auth.js's own endpoint, for tests that are not about the sign-in form. */
export async function signInQuickly(page: Page, credentials: { email: string; password: string }): Promise<void> {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { ...credentials, csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  const cookies = await page.context().cookies();
  expect(cookies.some((cookie) => cookie.name.endsWith("authjs.session-token"))).toBe(true);
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
}

/**
 * Records every data request the page makes to the tRPC endpoint. The live
 * update streams (`live.*` subscriptions) are not data requests: they only
 * carry changes made after the page was rendered.
 */
export function recordTrpcRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith("/api/trpc") && !pathname.startsWith("/api/trpc/live.")) seen.push(request.url());
  });
  return seen;
}

/** Creates a fresh customer through auth.signUp and signs them in, so each test has its own cart. */
export async function signUpQuickly(page: Page, name: string): Promise<{ email: string; password: string }> {
  const credentials = { email: uniqueEmail(name.toLowerCase().replace(/\s+/g, "-")), password: "a long password" };
  const response = await page.request.post("/api/trpc/auth.signUp", { data: { ...credentials, name } });
  expect(response.ok()).toBe(true);
  await signInQuickly(page, credentials);
  return credentials;
}

/** The built-in test provider's cards (typed on its page, never on the shop's). */
export const APPROVED_CARD = "4242 4242 4242 4242";
export const DECLINED_CARD = "4000 0000 0000 0002";
export const AUTHENTICATE_CARD = "4000 0027 6000 3184";

export async function addToCart(page: Page, slug: string, quantity: number) {
  await page.goto(`/products/${slug}`);
  await page.getByLabel("Quantity").selectOption(String(quantity));
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("add-to-cart-status")).toContainText(`Added ${quantity} ×`);
}

/** On the test provider's hosted page: types a test card and pays. */
export async function payOnProviderPage(page: Page, card: string) {
  await expect(page.getByTestId("test-mode")).toContainText("TEST MODE");
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry (MM/YY)").fill("12/34");
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: /^Pay / }).click();
}

/** Places the cart as an order and pays on the provider's page; for the approved card the browser ends on the order. */
/** Types a new shipping address into the checkout form (shown when none is saved or "A new address" is chosen). */
export async function fillShippingAddress(
  page: Page,
  address: { name: string; line1: string; city: string; postalCode: string; country: string } = shipTo.shippingAddress,
) {
  await page.getByLabel("Full name").fill(address.name);
  await page.getByLabel("Address line 1").fill(address.line1);
  await page.getByLabel("City").fill(address.city);
  await page.getByLabel("Country").selectOption(address.country);
  await page.getByLabel("Postal code").fill(address.postalCode);
}

/** Opens checkout and continues to the provider's page, with a saved address if there is one, else a new one. */
export async function checkOut(page: Page, card: string) {
  await page.goto("/checkout");
  // The total is priced in the browser after hydration: typing before it would be lost.
  await expect(page.getByTestId("checkout-total")).toBeVisible();
  if ((await page.getByTestId("saved-address").count()) === 0) await fillShippingAddress(page);
  await page.getByRole("button", { name: /Continue to payment/ }).click();
  await page.waitForURL(/\/test-provider\/pay\/tps_/);
  await payOnProviderPage(page, card);
}

/** Checks out with the approved card and waits for the provider's webhook to mark the order paid. */
export async function checkOutPaid(page: Page) {
  await checkOut(page, APPROVED_CARD);
  await expect(page.getByTestId("order-paid")).toBeVisible();
}

/** Another customer, in a browser context of their own, buys `quantity` of a product. */
export async function buyAsSomeoneElse(browser: Browser, slug: string, quantity: number): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signUpQuickly(page, "Someone Else");
    await addToCart(page, slug, quantity);
    await checkOutPaid(page);
  } finally {
    await context.close();
  }
}
