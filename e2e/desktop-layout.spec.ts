import type { Locator, Page } from "@playwright/test";
import { viewports } from "./lib/page-checks";
import { expect, test } from "./fixtures";
import { addToCart, SHOPPER, signInQuickly } from "./support";

// Issue 27: axe and the sideways-scroll check passed while the signed-in header showed the phone's
// Menu button and put its links on a second row, and the account's cards touched. Geometry catches
// that; a pixel snapshot would also fail on every wording or price change.

/** Controls laid out in one flex row may differ by sub-pixel rounding, never by a row. */
const SAME_ROW_PX = 4;

type Box = NonNullable<Awaited<ReturnType<Locator["boundingBox"]>>>;

async function boxOf(locator: Locator, what: string): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${what} has no box (not rendered)`);
  return box;
}

async function expectHeaderInOneRow(page: Page): Promise<void> {
  const header = page.getByRole("banner");
  await expect(header.getByTestId("signed-in-as")).toContainText("Sam Shopper");
  await expect(header.getByRole("button", { name: "Menu" })).toBeHidden();
  const controls: [string, Locator][] = [
    ["the cart link", header.getByTestId("cart-link")],
    ["Orders", header.getByRole("link", { name: "Orders", exact: true })],
    ["Account", header.getByRole("link", { name: "Account", exact: true })],
    ["Sign out", header.getByRole("button", { name: "Sign out" })],
  ];
  for (const [, control] of controls) await expect(control).toBeVisible();
  // Retried: the geometry is read once the page has settled, not mid-hydration.
  await expect(async () => {
    const boxes = await Promise.all(
      controls.map(async ([name, control]) => ({ name, box: await boxOf(control, name) })),
    );
    const [first] = boxes;
    if (!first) throw new Error("no header controls");
    for (const { name, box } of boxes) {
      expect(Math.abs(box.y - first.box.y), `${name} on the same row as ${first.name}`).toBeLessThanOrEqual(
        SAME_ROW_PX,
      );
    }
    const tallest = Math.max(...boxes.map(({ box }) => box.height));
    const headerBox = await boxOf(header, "the header");
    expect(headerBox.height, "the header holds one row of controls, not two").toBeLessThan(2 * tallest);
  }).toPass({ timeout: 5_000 });
}

async function expectCardsApart(page: Page): Promise<void> {
  const cards = page.getByRole("main").getByRole("region");
  const count = await cards.count();
  expect(count, "the account page's section cards").toBeGreaterThanOrEqual(2);
  const boxes = await Promise.all(
    Array.from({ length: count }, (_, index) => boxOf(cards.nth(index), `card ${index + 1}`)),
  );
  boxes.forEach((box, index) => {
    const above = boxes[index - 1];
    if (!above) return;
    const gap = box.y - (above.y + above.height);
    expect(gap, `gap between card ${index} and card ${index + 1}`).toBeGreaterThan(0);
  });
}

test.use({ viewport: viewports.desktop });

test("at desktop size, signed-in pages keep the header's links in one row and the account's cards apart", async ({
  page,
}) => {
  await signInQuickly(page, SHOPPER);
  // Checkout shows its form only with something to buy.
  await addToCart(page, "stoneware-mug", 1);
  for (const path of ["/", "/account", "/orders", "/cart", "/checkout"]) {
    await page.goto(path);
    expect(new URL(page.url()).pathname, `${path} is shown, not a redirect`).toBe(path);
    await expectHeaderInOneRow(page);
    if (path === "/account") await expectCardsApart(page);
  }
});
