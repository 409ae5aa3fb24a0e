import { expect, test } from "./fixtures";
import { signUpQuickly } from "./support";

test("the account page shows the profile and makes, shows once, and revokes API tokens", async ({ page }) => {
  await signUpQuickly(page, "Token Owner");
  await page.goto("/account");
  await expect(page.getByTestId("profile")).toContainText("Token Owner");
  await expect(page.getByTestId("no-tokens")).toBeVisible();

  await page.getByLabel("Name").fill("Stock sync");
  await page.getByRole("checkbox", { name: /^orders:/ }).uncheck();
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-token-value");
  await expect(shown).toHaveText(/^sf_/);
  const token = (await shown.textContent()) ?? "";

  const api = page.request;
  const me = await api.get("/api/v1/account", { headers: { authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  const write = await api.delete("/api/v1/cart", { headers: { authorization: `Bearer ${token}` } });
  expect(write.status()).toBe(403);

  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  const row = page.getByTestId("token-row").filter({ hasText: "Stock sync" });
  await expect(row).toContainText("read");
  await expect(row.getByTestId("token-state")).toHaveText("Active");
  await expect(page.getByText(token)).toHaveCount(0);

  await row.getByRole("button", { name: /Revoke/ }).click();
  await row.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(row.getByTestId("token-state")).toHaveText("Revoked");
  const after = await api.get("/api/v1/account", { headers: { authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
});

test("the account page asks for sign-in", async ({ page }) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
});

test("the account page downloads everything held about the shopper, turns order updates off, and deletes the account", async ({
  page,
}) => {
  const shopper = await signUpQuickly(page, "Dana Leaving");
  await page.goto("/account");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download my data (JSON)" }).click();
  const file = await (await download).createReadStream();
  let json = "";
  for await (const chunk of file) json += String(chunk);
  const data = JSON.parse(json) as { account: { email: string; name: string }; sessions: unknown[] };
  expect(data.account).toMatchObject({ email: shopper.email, name: "Dana Leaving" });
  expect(data.sessions.length).toBeGreaterThan(0);

  const updates = page.getByRole("checkbox", { name: "Mail me when an order is shipped or delivered" });
  await expect(updates).toBeChecked();
  await updates.uncheck();
  await expect(page.getByTestId("mail-preferences-status")).toContainText("Saved.");
  await page.reload();
  await expect(updates).not.toBeChecked();

  await page.getByRole("button", { name: "Delete my account…" }).click();
  await page.getByRole("textbox", { name: "Your password" }).fill("not the password");
  await page.getByRole("button", { name: "Delete my account for good" }).click();
  await expect(page.getByText("Your current password is not right")).toBeVisible();
  await page.getByRole("textbox", { name: "Your password" }).fill(shopper.password);
  await page.getByRole("button", { name: "Delete my account for good" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(shopper.email);
  await page.getByLabel("Password").fill(shopper.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("form-error")).toBeVisible();
});
