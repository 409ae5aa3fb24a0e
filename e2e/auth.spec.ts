import { expect, test } from "./fixtures";
import { SHOPPER, uniqueEmail } from "./support";

test("sign up, sign out, sign in again", async ({ page }) => {
  const email = uniqueEmail("e2e");
  await page.goto("/");
  await page.getByRole("link", { name: "Sign up" }).click();
  await page.getByLabel("Name").fill("Erin Example");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText("Erin Example");
  await expect(page).toHaveURL(/\/$/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);

  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByLabel("Password").fill("a long password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText("Erin Example");
  // The browser is now one that signed in before: an httpOnly note that keeps it out of a lockout.
  const note = (await page.context().cookies()).find((cookie) => cookie.name === "storefront-device");
  expect(note).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("a wrong password and an unknown email get the same message", async ({ page }) => {
  for (const email of [SHOPPER.email, "nobody@storefront.test"]) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByTestId("form-error")).toHaveText("Wrong email or password.");
    await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  }
});

test("the sign-up form checks input before sending it, with the server's rules", async ({ page }) => {
  const trpcCalls: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/trpc")) trpcCalls.push(request.url());
  });
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Short Password");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Password must be at least 8 characters")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  expect(trpcCalls).toEqual([]);
});

test("signing up with an email that exists says so", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Copycat");
  await page.getByLabel("Email").fill(SHOPPER.email);
  await page.getByLabel("Password").fill("another long password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("form-error")).toContainText("already exists");
});

test("sign-in returns to the page that asked for it", async ({ page }) => {
  await page.goto("/sign-in?callbackUrl=%2Fproducts%2Foak-stool");
  await page.getByLabel("Email").fill(SHOPPER.email);
  await page.getByLabel("Password").fill(SHOPPER.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/products\/oak-stool$/);
  await expect(page.getByTestId("signed-in-as")).toContainText("Sam Shopper");
});
