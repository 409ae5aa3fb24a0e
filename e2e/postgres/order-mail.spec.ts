import { shipTo } from "../../tests/support/shipping";
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { startInstance, type Instance } from "../lib/instance";
import { startMailCatcher, type CaughtMail, type MailCatcher } from "../lib/mail-catcher";
import { payInBrowser } from "../lib/pay-in-browser";
import { newTokenBuyer, restClient } from "../lib/rest-client";
import { e2eMetricsToken } from "../lib/server-env";
import { createE2EDatabase, type E2EDatabase } from "../lib/test-database";
import { ADMIN } from "../support";

// Two instances of the app on one PostgreSQL database, mailing through a real SMTP server on loopback.
// Jobs here time out, retry and are checked for crashed workers within seconds, not minutes.
const PORTS = [3181, 3182] as const;

let catcher: MailCatcher;
let database: E2EDatabase;
let first: Instance;
let second: Instance;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  catcher = await startMailCatcher();
  database = await createE2EDatabase();
  const env = {
    SMTP_URL: catcher.url,
    MAIL_TRANSPORT: "smtp",
    METRICS_TOKEN: e2eMetricsToken,
    JOB_POLL_SECONDS: "0.5",
    JOB_TIMEOUT_SECONDS: "4",
    JOB_MAINTENANCE_SECONDS: "1",
    JOB_RETRY_DELAY_SECONDS: "1",
    JOB_RETRY_LIMIT: "2",
    SHUTDOWN_TIMEOUT_SECONDS: "3",
  };
  // Links in mail are built from AUTH_URL: each instance's own address here.
  const instance = (port: number) =>
    startInstance({ port, databaseUrl: database.url, env: { ...env, AUTH_URL: `http://localhost:${port}` } });
  first = await instance(PORTS[0]);
  second = await instance(PORTS[1]);
});

test.afterAll(async () => {
  await first?.stop();
  await second?.stop();
  await catcher?.close();
  await database?.drop();
});

interface Buyer {
  authorization: string;
  email: string;
}

async function newBuyer(baseURL: string): Promise<Buyer> {
  const { authorization } = await newTokenBuyer(baseURL, restClient(baseURL));
  const response = await fetch(`${baseURL}/api/v1/account`, { headers: { authorization } });
  const { email } = (await response.json()) as { email: string };
  return { authorization, email };
}

async function anyProductId(baseURL: string): Promise<string> {
  const { data } = await restClient(baseURL).GET("/products", { params: { query: { inStock: true } } });
  const product = data?.items.find((item) => item.stock > 50);
  if (!product) throw new Error("no product with stock to buy");
  return product.id;
}

/** Places an order over REST and pays it on the provider's page; the confirmation mail follows the payment. */
async function placeOrder(baseURL: string, buyer: Buyer, page: Page): Promise<string> {
  const client = restClient(baseURL);
  const headers = { authorization: buyer.authorization };
  const productId = await anyProductId(baseURL);
  await client.PUT("/cart/items/{productId}", { params: { path: { productId } }, body: { quantity: 1 }, headers });
  const { data, response } = await client.POST("/orders", {
    params: { header: { "Idempotency-Key": randomUUID() } },
    body: shipTo,
    headers,
  });
  expect(response.status).toBe(202);
  if (!data?.paymentUrl) throw new Error("no order to pay");
  await payInBrowser(page, data.paymentUrl);
  return data.order.id;
}

async function waitForStatus(baseURL: string, buyer: Buyer, orderId: string, status: string): Promise<void> {
  const client = restClient(baseURL);
  await expect
    .poll(
      async () =>
        (
          await client.GET("/orders/{id}", {
            params: { path: { id: orderId } },
            headers: { authorization: buyer.authorization },
          })
        ).data?.status,
      { timeout: 20_000 },
    )
    .toBe(status);
}

async function adminAuthorization(baseURL: string): Promise<string> {
  const { data } = await restClient(baseURL).POST("/auth/token", {
    body: { ...ADMIN, name: "mail test", scopes: ["read", "orders", "admin"] },
  });
  if (!data) throw new Error("no admin token");
  return `Bearer ${data.token}`;
}

async function ship(baseURL: string, orderId: string): Promise<void> {
  const response = await fetch(`${baseURL}/api/trpc/admin.orders.setStatus`, {
    method: "POST",
    headers: { authorization: await adminAuthorization(baseURL), "content-type": "application/json" },
    body: JSON.stringify({ id: orderId, status: "shipped" }),
  });
  expect(response.status).toBe(200);
}

/** The order mails one address got: every delivery, duplicates included. */
function orderMailsTo(address: string): CaughtMail[] {
  return catcher.messages().filter((mail) => mail.to.includes(address) && /order/i.test(mail.subject));
}

const distinctIds = (mails: CaughtMail[]) => new Set(mails.map((mail) => mail.messageId)).size;

/**
 * A new buyer's order on the first instance alone, whose confirmation the SMTP server takes but never
 * answers: when this returns, the job is mid-send on that instance.
 */
async function confirmationHeldMidSend(page: Page): Promise<{ buyer: Buyer; held: CaughtMail }> {
  const buyer = await newBuyer(first.baseURL);
  await second.stop();
  catcher.setFailing("hold");
  const orderId = await placeOrder(first.baseURL, buyer, page);
  const held = await catcher.waitForMail((mail) => mail.to.includes(buyer.email) && mail.text.includes(orderId));
  return { buyer, held };
}

test("a confirmation mail interrupted by kill -9 is sent again with the same Message-ID: one mail for the receiver", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const { buyer, held } = await confirmationHeldMidSend(page);
  await first.stop("SIGKILL");
  catcher.setFailing(false);
  await first.restart();

  await expect.poll(() => orderMailsTo(buyer.email).length, { timeout: 30_000 }).toBe(2);
  const [again] = orderMailsTo(buyer.email).slice(1);
  expect(again?.messageId).toBe(held.messageId);
  expect(again?.subject).toBe(held.subject);
  expect(distinctIds(orderMailsTo(buyer.email))).toBe(1);
  await second.restart();
});

test("on SIGTERM the worker takes no new job and hands the running one back by the deadline; it is sent after the restart", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const { buyer, held } = await confirmationHeldMidSend(page);
  const stopping = Date.now();
  expect(await first.stop("SIGTERM")).toBe(0);
  // SHUTDOWN_TIMEOUT_SECONDS is 3: the mail server never answers, so the job is handed back, not waited for.
  expect(Date.now() - stopping).toBeLessThan(12_000);
  const [job] = await database.sql<{ state: string; output: { message?: string } | null }[]>`
    select state::text as state, output from pgboss.job
    where name = 'mail.order-event' order by created_on desc limit 1`;
  expect(job?.state).toBe("retry");
  expect(first.output()).toContain('"msg":"shut down"');

  catcher.setFailing(false);
  await first.restart();
  await expect.poll(() => orderMailsTo(buyer.email).length, { timeout: 30_000 }).toBe(2);
  expect(distinctIds(orderMailsTo(buyer.email))).toBe(1);
  expect(orderMailsTo(buyer.email)[1]?.messageId).toBe(held.messageId);
  await second.restart();
});

test("with two instances running, every order mail goes out once: placed, shipped, cancelled", async ({ page }) => {
  test.setTimeout(60_000);
  const buyer = await newBuyer(first.baseURL);
  const shipped = await placeOrder(first.baseURL, buyer, page);
  const cancelled = await placeOrder(second.baseURL, buyer, page);
  await waitForStatus(first.baseURL, buyer, shipped, "paid");
  await ship(second.baseURL, shipped);
  const cancel = await restClient(first.baseURL).DELETE("/orders/{id}", {
    params: { path: { id: cancelled } },
    headers: { authorization: buyer.authorization },
  });
  expect(cancel.response.status).toBe(200);

  await expect.poll(() => orderMailsTo(buyer.email).length, { timeout: 20_000 }).toBe(4);
  // Both workers poll every half second: give a duplicate the time to show up if one could.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const mails = orderMailsTo(buyer.email);
  expect(mails).toHaveLength(4);
  expect(distinctIds(mails)).toBe(4);
  const subjects = mails.map((mail) => mail.subject).join("\n");
  expect(subjects).toMatch(/shipped/i);
  expect(subjects).toMatch(/cancel/i);
  const cancelMail = mails.find((mail) => /cancel/i.test(mail.subject));
  expect(cancelMail?.text).toMatch(/refund/i);
  const shippedMail = mails.find((mail) => /shipped/i.test(mail.subject));
  const unsubscribe = /<([^>]+)>/.exec(shippedMail?.headers["list-unsubscribe"] ?? "")?.[1];
  if (!unsubscribe) throw new Error("no List-Unsubscribe link");
  expect(shippedMail?.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");

  // A mail client's one-click unsubscribe (RFC 8058): a POST with no cookie turns the notices off.
  const clicked = await fetch(unsubscribe, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "List-Unsubscribe=One-Click",
  });
  expect(clicked.status).toBe(200);
  const [row] = await database.sql<{ order_update_mail: boolean }[]>`
    select order_update_mail from users where email = ${buyer.email}`;
  expect(row?.order_update_mail).toBe(false);
  const forged = new URL(unsubscribe);
  forged.searchParams.set("token", `${randomUUID()}.not-a-signature`);
  expect((await fetch(forged, { method: "POST", body: "List-Unsubscribe=One-Click" })).status).toBe(400);
});

async function metric(baseURL: string, name: string, labels: string): Promise<number> {
  const response = await fetch(`${baseURL}/api/metrics`, { headers: { authorization: `Bearer ${e2eMetricsToken}` } });
  const line = (await response.text()).split("\n").find((row) => row.startsWith(`${name}{${labels}}`));
  return line ? Number(line.split(" ").at(-1)) : 0;
}

test("a mail server that refuses everything: the shop keeps selling, the job fails for good, an admin retries it", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const buyer = await newBuyer(first.baseURL);
  catcher.setFailing("reject");
  const orderId = await placeOrder(first.baseURL, buyer, page);
  // Three attempts (JOB_RETRY_LIMIT=2) a second or two apart, then the job is failed.
  const failedLabels = 'queue="mail.order-event",state="failed"';
  await expect.poll(() => metric(first.baseURL, "storefront_jobs", failedLabels), { timeout: 30_000 }).toBe(1);
  expect(orderMailsTo(buyer.email)).toHaveLength(0);
  // Selling goes on while mail is down.
  await placeOrder(second.baseURL, buyer, page);

  await page.goto(`${first.baseURL}/sign-in?callbackUrl=/admin/jobs`);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Background jobs" })).toBeVisible();
  const row = page.getByTestId("admin-job-row").filter({ hasText: "mail.order-event" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("3 of 3");
  await expect(row).toContainText("451");

  catcher.setFailing(false);
  await row.getByRole("button", { name: /Retry/ }).click();
  // The buyer's verification mail failed too and stays listed until someone retries it.
  await expect(row).toHaveCount(0);
  const mail = await catcher.waitForMail((caught) => caught.to.includes(buyer.email) && caught.text.includes(orderId));
  expect(mail.subject).toMatch(/order/i);
  expect(await metric(first.baseURL, "storefront_jobs", failedLabels)).toBe(0);

  await page.goto(`${first.baseURL}/admin/audit`);
  await expect(page.getByTestId("audit-row").filter({ hasText: "Failed job retried" })).toHaveCount(1);
});
