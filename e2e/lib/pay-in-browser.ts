import type { Page } from "@playwright/test";
import { APPROVED_CARD, payOnProviderPage } from "../support";

/**
 * Pays an order on the test provider's page, as the shopper's browser would.
 * The page needs no shop session (its address is the capability, as with a
 * real provider's), so any page will do; it returns once the provider sends the browser back.
 */
export async function payInBrowser(page: Page, paymentUrl: string, card = APPROVED_CARD): Promise<void> {
  await page.goto(paymentUrl);
  await payOnProviderPage(page, card);
  await page.waitForURL((url) => !url.pathname.startsWith("/test-provider/"));
}
