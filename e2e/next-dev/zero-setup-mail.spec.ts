import { expect, test } from "../fixtures";
import { startDevServer, type DevServer } from "../lib/dev-server";

// The README's first command line (`npm ci && npm run dev`): no database, mail server or setting to provide.
let dev: DevServer;

test.beforeAll(async () => {
  test.setTimeout(150_000);
  dev = await startDevServer({ port: 3190, dataDir: ".data/e2e-dev" });
});

test.afterAll(async () => {
  await dev?.stop();
});

test("with no setup, the sign-up mail waits in the development mailbox, whose link verifies the address", async ({
  page,
}) => {
  // Each page compiles on its first visit in development.
  test.setTimeout(180_000);
  const email = `zero-setup-${Date.now()}@example.test`;
  await page.goto(`${dev.baseURL}/sign-up`);
  await page.getByLabel("Name").fill("Zero Setup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText("Zero Setup", { timeout: 60_000 });

  // The console says where the mail is, on one line.
  const announced = new RegExp(`mail to ${email.replace(/[.]/g, "\\.")} kept in the development mailbox: (\\S+)`);
  await expect.poll(() => announced.exec(dev.output())?.[1], { timeout: 30_000 }).toMatch(/\/dev\/mailbox\//);

  await page.goto(`${dev.baseURL}/dev/mailbox`);
  const row = page.getByTestId("mailbox-row").filter({ hasText: email });
  await expect(row).toHaveCount(1);
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { name: /Confirm your email address/ })).toBeVisible();
  const text = (await page.getByTestId("mailbox-text").textContent()) ?? "";
  const link = /https?:\/\/\S+\/verify-email\?token=[\w-]+/.exec(text)?.[0];
  if (!link) throw new Error(`no verification link in the mail:\n${text}`);
  expect(new URL(link).origin).toBe(dev.baseURL);

  await page.goto(link);
  await page.getByRole("button", { name: "Verify my address" }).click();
  await expect(page.getByTestId("verify-email-status")).toContainText(`Your address ${email} is verified`, {
    timeout: 30_000,
  });
});
