import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { APPROVED_CARD, signUpQuickly } from "./support";

interface Focused {
  text: string;
  outline: string;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement;
    const labels = element instanceof HTMLInputElement || element instanceof HTMLSelectElement ? element.labels : null;
    const label = element?.getAttribute("aria-label") ?? labels?.[0]?.textContent ?? element?.textContent ?? "";
    const style = element ? getComputedStyle(element) : null;
    return { text: label.trim(), outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : "none" };
  });
}

/** Presses Tab until the focused element's name matches, and checks that focus can be seen there. */
async function tabTo(page: Page, name: RegExp): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if (name.test(now.text)) {
      expect(now.outline, `focus ring on “${now.text}”`).not.toMatch(/^none|\b0px$/);
      return;
    }
  }
  throw new Error(`Tab never reached ${name} on ${page.url()}`);
}

test("the whole purchase works with the keyboard alone", async ({ page }) => {
  await signUpQuickly(page, "Keyboard Shopper");
  await page.goto("/");

  await tabTo(page, /^Kitchen/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Kitchen" })).toBeVisible();

  await tabTo(page, /Espresso Cup Pair/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Espresso Cup Pair" })).toBeVisible();

  await tabTo(page, /^Quantity/);
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("Quantity")).toHaveValue("2");
  await tabTo(page, /^Add to cart$/);
  await page.keyboard.press("Space");
  const status = page.getByRole("status").filter({ hasText: "Added 2 × Espresso Cup Pair" });
  await expect(status).toBeVisible();

  await tabTo(page, /^View cart$/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: /cart/i })).toBeVisible();
  await expect(page.getByTestId("cart-line")).toHaveCount(1);

  await tabTo(page, /^Check out/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByTestId("checkout-total")).toBeVisible();
  for (const [label, keys] of [
    [/^Full name/, "Kim Keys"],
    [/^Address line 1/, "1 Tab Street"],
    [/^City/, "Springfield"],
    // A focused select picks the option whose name is typed.
    [/^Country/, "United States"],
    [/^Postal code/, "62701"],
  ] as const) {
    await tabTo(page, label);
    await page.keyboard.type(keys);
  }
  await expect(page.getByTestId("checkout-tax")).not.toHaveText("Enter an address");
  await tabTo(page, /^Continue to payment/);
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/test-provider\/pay\/tps_/);
  await tabTo(page, /^Card number/);
  await page.keyboard.type(APPROVED_CARD);
  await tabTo(page, /^Expiry/);
  await page.keyboard.type("12/34");
  await tabTo(page, /^Security code/);
  await page.keyboard.type("123");
  await tabTo(page, /^Pay /);
  await page.keyboard.press("Enter");

  await expect(page.getByTestId("order-paid")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: /^Order/ })).toBeVisible();
});
