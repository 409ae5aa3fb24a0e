import { test as base, type BrowserContext, type ConsoleMessage, type Page } from "@playwright/test";

export { expect } from "@playwright/test";

export interface ConsoleGuard {
  /** Also watch a context the test made itself (browser.newContext()). */
  watch: (context: BrowserContext) => void;
  /** Expect problems matching this pattern in this test (e.g. a page that is meant to 404). */
  allow: (pattern: RegExp) => void;
}

/** Application errors (4xx) that the page shows to the user are expected; everything else is a problem. */
function isExpectedApiError(message: ConsoleMessage): boolean {
  const { url } = message.location();
  return /status of 4\d\d/.test(message.text()) && /\/api\/(trpc|v1|auth)\//.test(url);
}

function watchPage(page: Page, problems: string[], appOrigin: string): void {
  // Another site's pages (the test identity provider's) are not ours to judge.
  const onApp = () => page.url().startsWith(appOrigin);
  page.on("console", (message) => {
    if (onApp() && message.type() === "error" && !isExpectedApiError(message)) {
      problems.push(`console error on ${page.url()}: ${message.text()} (${message.location().url})`);
    }
  });
  page.on("pageerror", (error) => {
    if (onApp()) problems.push(`uncaught error on ${page.url()}: ${error.message}`);
  });
  page.on("requestfailed", (request) => {
    if (!onApp()) return;
    const failure = request.failure()?.errorText ?? "";
    // A navigation cancels the page's open requests (live streams, prefetches): not a failure.
    if (failure.includes("ERR_ABORTED")) return;
    problems.push(`request failed on ${page.url()}: ${request.url()} ${failure}`);
  });
  page.on("response", (response) => {
    if (!onApp()) return;
    const url = new URL(response.url());
    // A picture, script, style sheet or font that fails is a broken page; an API's 4xx is an answer the page shows.
    const isResource = !["document", "fetch", "xhr", "eventsource"].includes(response.request().resourceType());
    const failed = response.status() >= 400 && (isResource || url.pathname.startsWith("/_next/"));
    if (response.status() >= 500 || failed) {
      problems.push(`${response.status()} for ${response.url()} on ${page.url()}`);
    }
  });
}

/**
 * Every test fails on a console error, an uncaught exception, a CSP violation
 * (Chrome reports those as console errors), a failed resource load or a 5xx,
 * unless the test declared it expected.
 */
export const test = base.extend<{ consoleGuard: ConsoleGuard }>({
  consoleGuard: [
    async ({ context, baseURL }, use, testInfo) => {
      const problems: string[] = [];
      const allowed: RegExp[] = [];
      const appOrigin = new URL(baseURL ?? "http://localhost").origin;
      const watch = (watched: BrowserContext) => {
        watched.pages().forEach((page) => watchPage(page, problems, appOrigin));
        watched.on("page", (page) => watchPage(page, problems, appOrigin));
      };
      watch(context);
      await use({ watch, allow: (pattern) => allowed.push(pattern) });
      const unexpected = problems.filter((problem) => !allowed.some((pattern) => pattern.test(problem)));
      if (unexpected.length > 0 && testInfo.status === testInfo.expectedStatus) {
        throw new Error(`The browser reported problems:\n${unexpected.join("\n")}`);
      }
    },
    { auto: true },
  ],
});
