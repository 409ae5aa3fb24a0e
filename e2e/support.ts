import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "storefront-demo";
export const SHOPPER = { email: "shopper@storefront.test", password: DEMO_PASSWORD };

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

/** Records every request the page makes to the tRPC endpoint. */
export function recordTrpcRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/api/trpc")) seen.push(request.url());
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

export const APPROVED_CARD = "4242 4242 4242 4242";
export const DECLINED_CARD = "4000 0000 0000 0002";
