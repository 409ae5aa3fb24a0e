import type { Browser, BrowserContext } from "@playwright/test";
import { expect } from "../fixtures";
import { addToCart, checkOutPaid, signUpQuickly } from "../support";

/**
 * A shopper browses, signs up, buys two sketchbooks and finds the order, through a proxy in front of
 * several instances, while a second browser watches the product's stock change live. Returns the
 * upstream ports (nginx's X-Upstream) that answered the shopper.
 */
export async function purchaseThroughProxy(
  browser: Browser,
  baseURL: string,
  watch: (context: BrowserContext) => void,
): Promise<string[]> {
  const buyer = await browser.newContext({ baseURL });
  const watcher = await browser.newContext({ baseURL });
  watch(buyer);
  watch(watcher);
  const upstreams = new Set<string>();
  buyer.on("response", (response) => {
    const upstream = response.headers()["x-upstream"];
    if (upstream) upstreams.add(upstream.split(":").pop() ?? upstream);
  });
  try {
    const watching = await watcher.newPage();
    await watching.goto("/products/linen-sketchbook");
    const stock = watching.getByTestId("product-stock");
    const before = Number.parseInt((await stock.textContent()) ?? "", 10);

    const page = await buyer.newPage();
    await page.goto("/");
    await expect(page.getByTestId("product-card")).toHaveCount(12);
    await page.goto("/c/kitchen");
    await expect(page.getByTestId("product-card").first()).toBeVisible();
    await signUpQuickly(page, "Proxied Buyer");
    await addToCart(page, "linen-sketchbook", 2);
    await page.goto("/cart");
    await expect(page.getByTestId("cart-line")).toHaveCount(1);
    await checkOutPaid(page);
    await page.goto("/orders");
    await expect(page.getByTestId("order-row")).toHaveCount(1);

    // The other browser's stream, through the proxy to whichever instance, shows the purchase.
    await expect(stock).toHaveText(new RegExp(`^${before - 2}\\b`));
    // The proxy's request id reaches the app, which answers with it.
    const response = await page.request.get("/api/health");
    expect(response.headers()["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);
    return [...upstreams].sort();
  } finally {
    await buyer.close();
    await watcher.close();
  }
}
