import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { startInstance, type Instance } from "../lib/instance";
import { linkIn, startMailCatcher, type MailCatcher } from "../lib/mail-catcher";
import { restClient } from "../lib/rest-client";
import { e2eCronSecret } from "../lib/server-env";
import { createE2EDatabase, type E2EDatabase } from "../lib/test-database";

// Mail that lets a person into their account, followed in Chromium from a real SMTP server on loopback.
let catcher: MailCatcher;
let database: E2EDatabase;
let server: Instance;

test.beforeAll(async () => {
  catcher = await startMailCatcher();
  database = await createE2EDatabase();
  server = await startInstance({
    port: 3183,
    databaseUrl: database.url,
    env: { SMTP_URL: catcher.url, MAIL_TRANSPORT: "smtp", JOB_POLL_SECONDS: "0.5", AUTH_URL: "http://localhost:3183" },
  });
});

test.afterAll(async () => {
  await server?.stop();
  await catcher?.close();
  await database?.drop();
});

const address = (name: string) => `${name}-${randomUUID().slice(0, 8)}@example.test`;

async function signUp(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${server.baseURL}/sign-up`);
  await page.getByLabel("Name").fill("Robin Mailer");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText("Robin Mailer");
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${server.baseURL}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

test("sign-up mails a verification link; following it and pressing the button verifies the address", async ({
  page,
}) => {
  const email = address("verify");
  await signUp(page, email, "a long password");
  await page.goto(`${server.baseURL}/account`);
  await expect(page.getByTestId("email-status")).toContainText("Not verified yet");

  const mail = await catcher.waitForMail((caught) => caught.to.includes(email));
  const link = linkIn(mail, "/verify-email");
  expect(new URL(link).origin).toBe(server.baseURL);
  expect(mail.text).toContain("Storefront");
  // Opening the link changes nothing (mail scanners open links too); the button does.
  await page.goto(link);
  await page.goto(`${server.baseURL}/account`);
  await expect(page.getByTestId("email-status")).toContainText("Not verified yet");
  await page.goto(link);
  await page.getByRole("button", { name: "Verify my address" }).click();
  await expect(page.getByTestId("verify-email-status")).toContainText(`Your address ${email} is verified`);
  await page.goto(`${server.baseURL}/account`);
  await expect(page.getByTestId("email-status")).toContainText("Verified");
  await expect(page.getByTestId("email-status")).not.toContainText("Not verified");
});

test("a forgotten password: the mailed link sets a new one, and every old session and token is dead", async ({
  browser,
  page,
}) => {
  test.setTimeout(60_000);
  const email = address("forgot");
  const oldPassword = "a long password";
  const newPassword = "another long password";
  const client = restClient(server.baseURL);

  // A session in another browser and an API token, both made with the old password.
  const elsewhere = await browser.newContext();
  const oldPage = await elsewhere.newPage();
  await signUp(oldPage, email, oldPassword);
  const { data: issued } = await client.POST("/auth/token", { body: { email, password: oldPassword, name: "old" } });
  if (!issued) throw new Error("no token");
  const tokenHeaders = { authorization: `Bearer ${issued.token}` };
  expect((await client.GET("/account", { headers: tokenHeaders })).response.status).toBe(200);

  // The same answer for an address with no account.
  const unknown = await client.POST("/auth/password-reset", { body: { email: address("nobody") } });
  const known = await client.POST("/auth/password-reset", { body: { email } });
  expect(unknown.response.status).toBe(known.response.status);
  expect(unknown.data).toEqual(known.data);

  await page.goto(`${server.baseURL}/sign-in`);
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  // The link navigates on the client: type into the new page's field, not the sign-in page's.
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByTestId("forgot-password-status")).toContainText(
    "a link to choose a new password is on its way",
  );

  const resetMails = () =>
    catcher.messages().filter((caught) => caught.to.includes(email) && caught.text.includes("/reset-password"));
  await expect.poll(() => resetMails().length, { timeout: 15_000 }).toBe(2);
  const newest = resetMails().at(-1);
  if (!newest) throw new Error("no reset mail");
  const link = linkIn(newest, "/reset-password");
  const older = resetMails()[0];
  if (!older) throw new Error("no first reset mail");
  const olderLink = linkIn(older, "/reset-password");

  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("The new password again").fill(newPassword);
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByTestId("reset-password-status")).toContainText("Your new password is set");
  await catcher.waitForMail(
    (caught) => caught.to.includes(email) && /password was changed|password changed/i.test(caught.subject),
  );

  // The session elsewhere and the token are dead.
  await oldPage.goto(`${server.baseURL}/account`);
  await expect(oldPage).toHaveURL(/\/sign-in/);
  expect((await client.GET("/account", { headers: tokenHeaders })).response.status).toBe(401);
  await elsewhere.close();

  // The link works once; the one mailed first died with the newer request.
  for (const spent of [link, olderLink]) {
    await page.goto(spent);
    await page.getByLabel("New password", { exact: true }).fill("yet another long password");
    await page.getByLabel("The new password again").fill("yet another long password");
    await page.getByRole("button", { name: "Set the new password" }).click();
    await expect(page.getByRole("form", { name: "Choose a new password" }).getByRole("alert")).toContainText(
      "invalid or has expired",
    );
  }

  await signIn(page, email, newPassword);
});

test("on Next's own server with no worker (as on Vercel), mail waits for the scheduled call to /api/jobs/run", async () => {
  test.setTimeout(90_000);
  const own = await createE2EDatabase();
  const vercelLike = await startInstance({
    port: 3184,
    databaseUrl: own.url,
    server: "next-start",
    env: {
      SMTP_URL: catcher.url,
      MAIL_TRANSPORT: "smtp",
      AUTH_URL: "http://localhost:3184",
      JOBS_WORKER: "false",
      CRON_SECRET: e2eCronSecret,
    },
  });
  try {
    const email = address("cron");
    const signUp = await fetch(`${vercelLike.baseURL}/api/trpc/auth.signUp`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "a long password", name: "Cron Reader" }),
    });
    expect(signUp.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(catcher.messages().filter((mail) => mail.to.includes(email))).toEqual([]);

    const run = (authorization?: string) =>
      fetch(`${vercelLike.baseURL}/api/jobs/run`, { headers: authorization ? { authorization } : {} });
    expect((await run()).status).toBe(401);
    const answer = await run(`Bearer ${e2eCronSecret}`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ failed: 0, more: false });
    const mail = await catcher.waitForMail((caught) => caught.to.includes(email), 5_000);
    expect(new URL(linkIn(mail, "/verify-email")).origin).toBe(vercelLike.baseURL);
  } finally {
    await vercelLike.stop();
    await own.drop();
  }
});
