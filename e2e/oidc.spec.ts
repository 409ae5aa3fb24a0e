import type { Page } from "@playwright/test";
import type { AuditEntryDto } from "@/lib/contracts/admin";
import { signedInApi, trpc } from "./lib/api-shopper";
import { startOidcProvider, type RunningProvider } from "./lib/oidc-provider";
import { e2eOidc } from "./lib/server-env";
import { expect, test } from "./fixtures";
import { ADMIN, SHOPPER, signInQuickly } from "./support";

// A real OpenID Connect provider on 127.0.0.1; the app knows it from its AUTH_OIDC_* settings.
let provider: RunningProvider;

test.beforeAll(async ({ baseURL }) => {
  provider = await startOidcProvider(baseURL ?? "http://localhost:3100");
});

test.afterAll(async () => {
  await provider?.close();
});

/** Clicks through the sign-in button, the provider's login and consent pages, and back. */
async function signInThroughProvider(page: Page, person: string) {
  await page.goto("/sign-in?callbackUrl=%2Faccount");
  await page.getByRole("button", { name: `Sign in with ${e2eOidc.name}` }).click();
  await page.waitForURL((url) => url.origin === provider.issuer);
  await page.locator('input[name="login"]').fill(person);
  await page.locator('input[name="password"]').fill("any password: the test provider does not check it");
  await page.getByRole("button", { name: /sign-in/i }).click();
  const consent = page.getByRole("button", { name: "Continue" });
  await consent
    .or(page.getByRole("heading", { name: /Your account|Sign in/ }))
    .first()
    .waitFor();
  if (await consent.isVisible()) await consent.click();
  await page.waitForURL((url) => url.origin !== provider.issuer);
}

async function sessionUser(page: Page) {
  const session = (await (await page.request.get("/api/auth/session")).json()) as {
    user?: { id: string; email: string; name: string; role: string };
  } | null;
  return session?.user;
}

test("a new person signs in with the identity provider and lands signed in; signing in again is the same account", async ({
  browser,
  page,
  consoleGuard,
}) => {
  await signInThroughProvider(page, "olivia");
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("profile")).toContainText("Olivia from SSO");
  await expect(page.getByRole("heading", { name: "Set a password" })).toBeVisible();
  const first = await sessionUser(page);
  expect(first).toMatchObject({ email: "olivia.oidc@example.test", role: "customer" });

  const again = await browser.newContext();
  consoleGuard.watch(again);
  try {
    const second = await again.newPage();
    await signInThroughProvider(second, "olivia");
    expect((await sessionUser(second))?.id).toBe(first?.id);
  } finally {
    await again.close();
  }
});

test("a verified email links to the existing account with that address", async ({ browser, page, consoleGuard }) => {
  const withPassword = await browser.newContext();
  consoleGuard.watch(withPassword);
  let shopperId: string | undefined;
  try {
    const passwordPage = await withPassword.newPage();
    await signInQuickly(passwordPage, SHOPPER);
    shopperId = (await sessionUser(passwordPage))?.id;
  } finally {
    await withPassword.close();
  }
  await signInThroughProvider(page, "sam");
  const linked = await sessionUser(page);
  expect(linked?.id).toBe(shopperId);
  expect(linked?.email).toBe(SHOPPER.email);
});

test("an address the provider has not verified is refused, nobody is signed in, and the refusal is audited", async ({
  page,
  baseURL,
}) => {
  const startedAt = Date.now();
  await signInThroughProvider(page, "mallory");
  await expect(page).toHaveURL(/\/sign-in\?.*error=AccessDenied/);
  await expect(page.getByTestId("provider-error")).toContainText("not verified");
  expect(await sessionUser(page)).toBeUndefined();

  const admin = await signedInApi(baseURL ?? "", ADMIN);
  try {
    const { items } = await trpc<{ items: AuditEntryDto[] }>(
      admin,
      "admin.audit.list",
      { action: "auth.sign_in_failed", limit: 100 },
      "GET",
    );
    const refusal = items.find(
      (entry) => entry.summary.reason === "unverified_email" && Date.parse(entry.createdAt) >= startedAt - 1000,
    );
    expect(refusal, "the failed sign-in row").toMatchObject({ actorEmail: ADMIN.email, actorId: null });
  } finally {
    await admin.dispose();
  }
  // The admin's audit view says why, in words.
  await signInQuickly(page, ADMIN);
  await page.goto("/admin/audit?action=auth.sign_in_failed");
  await expect(page.getByTestId("audit-log")).toContainText("the identity provider had not verified the email");
});
