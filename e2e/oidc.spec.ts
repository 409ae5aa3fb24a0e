import type { Page } from "@playwright/test";
import type { AuditEntryDto } from "@/lib/contracts/admin";
import { signedInApi, trpc } from "./lib/api-shopper";
import { startOidcProvider, type RunningProvider } from "./lib/oidc-provider";
import { e2eOidc } from "./lib/server-env";
import { expect, test } from "./fixtures";
import { ADMIN, SHOPPER, signInQuickly, signUpQuickly } from "./support";

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
  await completeProviderLogin(page, person);
}

/** What a script with the browser's cookies could do: start a provider sign-in by posting to Auth.js. */
async function startProviderSignInByPost(page: Page) {
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await page.evaluate((token) => {
    const form = document.createElement("form");
    form.method = "post";
    form.action = "/api/auth/signin/oidc";
    for (const [name, value] of [
      ["csrfToken", token],
      ["callbackUrl", "/account"],
    ] as const) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      form.append(input);
    }
    document.body.append(form);
    form.submit();
  }, csrfToken);
}

/** The provider's login and consent pages, as the person typed, and back to the shop. */
async function completeProviderLogin(page: Page, person: string) {
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

test("an address that belongs to an account whose address is not verified is refused, and nothing is linked", async ({
  page,
  baseURL,
}) => {
  await signInThroughProvider(page, "sam");
  await expect(page).toHaveURL(/\/sign-in\?.*error=AccountExists/);
  await expect(page.getByTestId("provider-error")).toContainText("Sign in with your password, then link");
  expect(await sessionUser(page)).toBeUndefined();
  const shopper = await signedInApi(baseURL ?? "", SHOPPER);
  try {
    const methods = await trpc<{ providers: unknown[] }>(shopper, "account.signInMethods.list", undefined, "GET");
    expect(methods.providers).toEqual([]);
  } finally {
    await shopper.dispose();
  }
});

test("a signed-in account links a provider after confirming its password, signs in with it, and removes it", async ({
  browser,
  page,
  consoleGuard,
}) => {
  const owner = await signUpQuickly(page, "Lee Owner");
  await page.goto("/account");
  const methods = page.getByTestId("sign-in-methods");
  await expect(methods).toContainText("Password");
  await page.getByRole("button", { name: `Link ${e2eOidc.name}` }).click();
  await page.getByLabel(`Your password, to link ${e2eOidc.name}`).fill("not the password");
  await page.getByRole("button", { name: `Link ${e2eOidc.name}` }).click();
  await expect(page.getByText("Your current password is not right")).toBeVisible();
  await page.getByLabel(`Your password, to link ${e2eOidc.name}`).fill(owner.password);
  await page.getByRole("button", { name: `Link ${e2eOidc.name}` }).click();
  await completeProviderLogin(page, "lee");
  await expect(page).toHaveURL(/\/account$/);
  await expect(methods).toContainText(e2eOidc.name);
  const ownerId = (await sessionUser(page))?.id;

  const elsewhere = await browser.newContext();
  consoleGuard.watch(elsewhere);
  try {
    const other = await elsewhere.newPage();
    await signInThroughProvider(other, "lee");
    expect((await sessionUser(other))?.id).toBe(ownerId);
  } finally {
    await elsewhere.close();
  }

  await methods.getByRole("button", { name: `Remove ${e2eOidc.name}` }).click();
  await expect(methods).not.toContainText(e2eOidc.name);
});

test("a live session cannot link a provider without a password check, even by posting to Auth.js itself", async ({
  page,
}) => {
  await signUpQuickly(page, "Unconfirmed Linker");
  await page.goto("/account");
  await startProviderSignInByPost(page);
  await completeProviderLogin(page, "eve");
  await expect(page).toHaveURL(/\/account\?error=LinkNotConfirmed/);
  await expect(page.getByRole("status").filter({ hasText: "not linked" })).toBeVisible();
  await expect(page.getByTestId("sign-in-methods")).not.toContainText(e2eOidc.name);
});

test("a cookie whose session has ended cannot link a provider, and is cleared rather than renewed", async ({
  browser,
  page,
  consoleGuard,
}) => {
  await signUpQuickly(page, "Signed Out Victim");
  const stolen = await page.context().storageState();
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out of all devices" }).click();
  await page.getByRole("button", { name: "Yes, sign out everywhere" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  const attacker = await browser.newContext({ storageState: stolen });
  consoleGuard.watch(attacker);
  try {
    const attackerPage = await attacker.newPage();
    const renewed = await attackerPage.request.get("/api/auth/session");
    expect(await renewed.json()).toBeNull();
    const cleared = renewed.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie");
    expect(cleared.some((header) => /authjs\.session-token=;/.test(header.value))).toBe(true);

    const again = await browser.newContext({ storageState: stolen });
    consoleGuard.watch(again);
    const withDeadCookie = await again.newPage();
    await withDeadCookie.goto("/sign-in");
    await startProviderSignInByPost(withDeadCookie);
    await completeProviderLogin(withDeadCookie, "eve");
    await expect(withDeadCookie).toHaveURL(/\/sign-in\?.*error=SessionEnded/);
    await expect(withDeadCookie.getByTestId("provider-error")).toContainText("session that has ended");
    await again.close();
  } finally {
    await attacker.close();
  }
  // Nothing was linked to the victim: the provider's person is a stranger to the shop.
  const fresh = await browser.newContext();
  consoleGuard.watch(fresh);
  try {
    const freshPage = await fresh.newPage();
    await signInThroughProvider(freshPage, "eve");
    expect((await sessionUser(freshPage))?.email).toBe("eve.oidc@example.test");
  } finally {
    await fresh.close();
  }
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
