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
