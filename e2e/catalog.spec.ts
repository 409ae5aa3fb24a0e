import { expect, test } from "./fixtures";
import { recordTrpcRequests } from "./support";

test("the home page arrives with its products: no data request on first load", async ({ page }) => {
  const trpcRequests = recordTrpcRequests(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "All products" })).toBeVisible();
  await expect(page.getByTestId("product-card")).toHaveCount(12);
  await page.waitForLoadState("networkidle");
  expect(trpcRequests).toEqual([]);
});

test("a page whose data was read a while before it arrives is not fetched again on first load", async ({ page }) => {
  // A cached copy is up to DOCUMENT_CACHE_SECONDS old when it arrives, and a visitor's clock may run
  // ahead of the server's: either way the data the page brings must count as fresh, not stale.
  await page.clock.setSystemTime(Date.now() + 5 * 60_000);
  const trpcRequests = recordTrpcRequests(page);
  for (const path of ["/", "/products/weekender-duffel", "/c/kitchen"]) {
    await page.goto(path);
    await expect(page.getByTestId("product-card").or(page.getByTestId("product-price")).first()).toBeVisible();
    await page.waitForLoadState("networkidle");
  }
  expect(trpcRequests).toEqual([]);
});

test("load more appends the next page", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("product-card")).toHaveCount(12);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(page.getByTestId("product-card")).toHaveCount(24);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(page.getByTestId("product-card")).toHaveCount(31);
  await expect(page.getByText("You have seen all 31 products.")).toBeVisible();
});

test("search and sort live in the URL", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search products" }).fill("kettle");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/\?q=kettle/);
  await expect(page.getByRole("heading", { name: "Results for “kettle”" })).toBeVisible();
  await expect(page.getByTestId("product-card")).toHaveCount(3);

  await page.getByLabel("Sort by").selectOption("price_asc");
  await expect(page).toHaveURL(/q=kettle&sort=price_asc/);
  await expect(page.getByTestId("product-card").first()).toContainText("Stovetop Kettle");
  await expect(page.getByTestId("product-card").first()).toContainText("$44.00");

  await page.getByLabel("Sort by").selectOption("price_desc");
  await expect(page.getByTestId("product-card").first()).toContainText("Electric Kettle");

  await page.reload();
  await expect(page.getByLabel("Sort by")).toHaveValue("price_desc");
  await expect(page.getByRole("searchbox", { name: "Search products" })).toHaveValue("kettle");
});

test("a search with no results says so", async ({ page }) => {
  await page.goto("/?q=unobtainium");
  await expect(page.getByTestId("empty-state")).toContainText("No products match “unobtainium”.");
  await page.getByRole("link", { name: "Browse all products" }).click();
  await expect(page.getByTestId("product-card")).toHaveCount(12);
});

test("a product page shows details, price and stock, with no data request on first load", async ({ page }) => {
  const trpcRequests = recordTrpcRequests(page);
  await page.goto("/products/weekender-duffel");
  await expect(page.getByRole("heading", { name: "Weekender Duffel", level: 1 })).toBeVisible();
  await expect(page.getByTestId("product-price")).toHaveText("$159.00");
  await expect(page.getByTestId("product-stock")).toHaveText("Only 1 left");
  await expect(page).toHaveTitle("Weekender Duffel · Storefront");
  await page.waitForLoadState("networkidle");
  expect(trpcRequests).toEqual([]);
});

test("opening a product from the grid", async ({ page }) => {
  await page.goto("/?sort=name");
  await page.getByTestId("product-card").first().click();
  await expect(page).toHaveURL(/\/products\/brass-desk-lamp$/);
  await expect(page.getByRole("heading", { name: "Brass Desk Lamp", level: 1 })).toBeVisible();
});

test("an unknown product is a real 404 page", async ({ page, consoleGuard }) => {
  consoleGuard.allow(/no-such-product: Failed to load resource: .* 404/);
  const response = await page.goto("/products/no-such-product");
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toContainText("Page not found");
  await page.getByRole("link", { name: "Back to the shop" }).click();
  await expect(page.getByRole("heading", { name: "All products" })).toBeVisible();
});

test("an unknown address is a 404 page too", async ({ page, consoleGuard }) => {
  consoleGuard.allow(/no\/such\/page: Failed to load resource: .* 404/);
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toBeVisible();
});

test("the favicon browsers request on their own leads to the shop's icon", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("image/svg+xml");
});

test("categories: their own pages with counts, an in-stock filter, and search inside one", async ({ page }) => {
  await page.goto("/");
  const categories = page.getByRole("navigation", { name: "Categories" });
  await expect(categories.getByRole("link", { name: /^All products/ })).toHaveAttribute("aria-current", "page");
  await categories.getByRole("link", { name: "Plants 4 products" }).click();
  await expect(page).toHaveURL(/\/c\/plants$/);
  await expect(page.getByRole("heading", { level: 1, name: "Plants" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Plants" })).toContainText("4 products");
  await expect(categories.getByRole("link", { name: /^Plants/ })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("product-card")).toHaveCount(4);
  await expect(page.getByTestId("product-card").filter({ hasText: "Herb Garden Kit" })).toContainText("Sold out");

  await page.getByLabel("In stock only").check();
  await expect(page).toHaveURL(/\/c\/plants\?inStock=1$/);
  await expect(page.getByTestId("product-card")).toHaveCount(3);
  await expect(page.getByTestId("product-card").filter({ hasText: "Herb Garden Kit" })).toHaveCount(0);

  await page.getByRole("searchbox", { name: "Search this category" }).fill("snake");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/\/c\/plants\?q=snake&inStock=1$/);
  await expect(page.getByRole("heading", { level: 1, name: "Results for “snake” in Plants" })).toBeVisible();
  await expect(page.getByTestId("product-card")).toHaveCount(1);

  await page.getByRole("searchbox", { name: "Search this category" }).fill("kettle");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByTestId("empty-state")).toContainText("No products in Plants match “kettle” and are in stock.");
  await page.getByRole("link", { name: "Show all of Plants" }).click();
  await expect(page).toHaveURL(/\/c\/plants$/);
  await expect(page.getByTestId("product-card")).toHaveCount(4);
});

test("a category page arrives with its products and its categories: no data request on first load", async ({
  page,
}) => {
  const trpcRequests = recordTrpcRequests(page);
  await page.goto("/c/kitchen?inStock=1&sort=price_asc");
  await expect(page.getByRole("heading", { level: 1, name: "Kitchen" })).toBeVisible();
  await expect(page.getByTestId("product-card").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(trpcRequests).toEqual([]);
});

test("a product's page names its category, and an unknown category is a 404", async ({ page, consoleGuard }) => {
  await page.goto("/products/snake-plant");
  const breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" });
  await breadcrumb.getByRole("link", { name: "Plants" }).click();
  await expect(page).toHaveURL(/\/c\/plants$/);

  consoleGuard.allow(/no-such-category: Failed to load resource: .* 404/);
  const response = await page.goto("/c/no-such-category");
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toBeVisible();
});

test("every product has a picture of its own, sized before it loads", async ({ page }) => {
  await page.goto("/");
  const pictures = page.getByTestId("product-card").getByRole("img");
  await expect(pictures).toHaveCount(12);
  await page.waitForLoadState("networkidle");
  const seen = await pictures.evaluateAll((images) =>
    images.map((image) => {
      const img = image as HTMLImageElement;
      return { src: img.currentSrc, alt: img.alt, width: img.getAttribute("width"), loaded: img.naturalWidth > 0 };
    }),
  );
  const names = await page.getByTestId("product-card").getByRole("heading").allTextContents();
  expect(seen.map((picture) => picture.alt)).toEqual(names);
  expect(new Set(seen.map((picture) => picture.src)).size).toBe(12);
  for (const picture of seen) expect(picture).toMatchObject({ width: "400", loaded: true });

  const drawn = await page.request.get(new URL(seen[0]?.src ?? "/", page.url()).pathname);
  expect(drawn.headers()["content-type"]).toBe("image/svg+xml");
  expect(drawn.headers()["cache-control"]).toContain("max-age=86400");
  expect((await page.request.get("/pictures/not..a..name.svg")).status()).toBe(404);
});
