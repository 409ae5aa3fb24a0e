import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

/** axe-core's WCAG 2.1 A and AA rules (colour contrast among them): no serious or critical finding. */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
    );
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}

/** The page itself never scrolls sideways (a row that scrolls inside its own box is fine). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `sideways scroll on ${page.url()}`).toBeLessThanOrEqual(0);
}

/** Controls a finger aims at are at least 44 px high and wide: buttons, fields, and the header's and categories' links. */
export async function expectTapTargets(page: Page): Promise<void> {
  const small = await page.evaluate(() => {
    const selector = [
      "button",
      ".button",
      "select",
      "input:not([type=hidden]):not([type=checkbox]):not([type=radio])",
      "label.toggle",
      ".site-header a",
      ".category-nav a",
      ".admin-nav a",
    ].join(", ");
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((element) => element.getClientRects().length > 0 && !element.closest(".visually-hidden, [hidden]"))
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 44 || box.width < 44)
      .map(
        ({ element, box }) =>
          `${element.tagName.toLowerCase()} “${(element.textContent ?? "").trim().slice(0, 30)}” ${Math.round(box.width)}×${Math.round(box.height)}`,
      );
  });
  expect(small, `tap targets under 44 px on ${page.url()}`).toEqual([]);
}

/** Everything the suite holds a page to at a viewport: accessible, no sideways scroll, and on a phone, tap targets. */
export async function checkPage(page: Page, path: string, viewport: keyof typeof viewports): Promise<void> {
  await page.setViewportSize(viewports[viewport]);
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await expectNoSeriousAxeViolations(page);
  await expectNoSidewaysScroll(page);
  if (viewport === "phone") await expectTapTargets(page);
}
