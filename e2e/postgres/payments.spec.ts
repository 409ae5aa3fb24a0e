import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { cardNumbersIn } from "../../scripts/card-numbers";
import { startInstance, type Instance } from "../lib/instance";
import { createE2EDatabase, type E2EDatabase } from "../lib/test-database";
import { newShopper, productId, signedInApi, trpc } from "../lib/api-shopper";
import { postTestWebhook, testProviderSignature } from "../lib/test-provider-webhooks";
import { shipTo } from "../../tests/support/shipping";
import {
  ADMIN,
  addToCart,
  APPROVED_CARD,
  AUTHENTICATE_CARD,
  checkOut,
  DECLINED_CARD,
  fillShippingAddress,
  payOnProviderPage,
  signUpQuickly,
} from "../support";

// Paying on the test provider's page against PostgreSQL: one instance with a short stock hold and a
// quick "delayed" card; another whose webhooks never arrive (a dead address), settled by reconciliation.
const HOLD_SECONDS = 15;
const DELAYED_CARD = "4000 0000 0000 0077";
let database: E2EDatabase;
let shop: Instance;
let lostWebhooks: { database: E2EDatabase; instance: Instance };

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  database = await createE2EDatabase();
  shop = await startInstance({
    port: 3185,
    databaseUrl: database.url,
    env: { PAYMENT_HOLD_MINUTES: String(HOLD_SECONDS / 60), PAYMENT_TEST_DELAY_SECONDS: "3", JOB_POLL_SECONDS: "0.5" },
  });
  const lost = await createE2EDatabase();
  lostWebhooks = {
    database: lost,
    instance: await startInstance({
      port: 3186,
      databaseUrl: lost.url,
      env: {
        // Nothing listens there: every delivery fails, and only asking the provider settles a payment.
        PAYMENT_TEST_WEBHOOK_URL: "http://127.0.0.1:3187/api/payments/webhook/test",
        PAYMENT_RECONCILE_SECONDS: "10",
        JOB_POLL_SECONDS: "0.5",
        JOB_RETRY_DELAY_SECONDS: "60",
      },
    }),
  };
});

test.afterAll(async () => {
  await shop?.stop();
  await lostWebhooks?.instance.stop();
  await database?.drop();
  await lostWebhooks?.database.drop();
});

async function shopperOn(browser: Browser, baseURL: string, name: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signUpQuickly(page, name);
  return page;
}

async function stockOf(db: E2EDatabase, slug: string): Promise<number> {
  const [row] = await db.sql<{ stock: number }[]>`select stock from products where slug = ${slug}`;
  if (!row) throw new Error(`no product ${slug}`);
  return row.stock;
}

const orderIdIn = (page: Page) => /\/orders\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? "";

test("a delayed approval: back on the order it waits for confirmation, then turns paid without a reload", async ({
  browser,
}) => {
  const page = await shopperOn(browser, shop.baseURL, "Patient Payer");
  await addToCart(page, "stoneware-mug", 1);
  await checkOut(page, DELAYED_CARD);
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+\?payment=return$/);
  await expect(page.getByTestId("awaiting-payment")).toContainText("Waiting for payment confirmation");
  await page.evaluate(() => document.body.setAttribute("data-same-document", "yes"));
  await expect(page.getByTestId("order-status")).toHaveText("Paid", { timeout: 20_000 });
  await expect(page.getByTestId("order-paid")).toBeVisible();
  await expect(page.locator("body")).toHaveAttribute("data-same-document", "yes");
});

test("a card that asks for an extra confirmation is paid once the shopper confirms", async ({ browser }) => {
  const page = await shopperOn(browser, shop.baseURL, "Careful Payer");
  await addToCart(page, "canvas-tote", 1);
  await checkOut(page, AUTHENTICATE_CARD);
  await expect(page.getByTestId("authentication-step")).toContainText("ending 3184");
  await page.getByRole("button", { name: "Confirm payment" }).click();
  await expect(page.getByTestId("order-paid")).toBeVisible();
});

test("declined, then paid from the order page; replayed, stale, forged and out-of-order webhooks change nothing", async ({
  browser,
}) => {
  const page = await shopperOn(browser, shop.baseURL, "Second Try");
  await addToCart(page, "linen-sketchbook", 1);
  await checkOut(page, DECLINED_CARD);
  await expect(page.getByTestId("payment-declined")).toBeVisible();
  await page.getByTestId("return-to-shop").click();
  await page.getByRole("button", { name: /Pay again/ }).click();
  await payOnProviderPage(page, APPROVED_CARD);
  await expect(page.getByTestId("order-paid")).toBeVisible();
  const orderId = orderIdIn(page);

  const books = async () => {
    const [row] = await database.sql<{ status: string; charges: number; events: number }[]>`
      select o.status,
        (select count(*)::int from payments p where p.order_id = o.id) as charges,
        (select count(*)::int from payment_events e where e.order_id = o.id) as events
      from orders o where o.id = ${orderId}`;
    return row;
  };
  const before = await books();
  expect(before).toEqual({ status: "paid", charges: 2, events: 2 });

  // The provider's own deliveries for this order, in the order it sent them: decline, then payment.
  const sent = await database.sql<{ body: unknown }[]>`
    select e.body from test_provider.events e
    where e.body->'data'->>'session_id' in (
      select session_id from payment_sessions where order_id = ${orderId})
    order by e.created_at`;
  expect(sent).toHaveLength(2);
  const [declined, paid] = sent.map((row) => JSON.stringify(row.body));
  if (!declined || !paid) throw new Error("deliveries missing");

  // Delivered again, and again late and out of order (the decline after the payment): 200, nothing changes.
  for (const body of [paid, declined, paid]) {
    const response = await postTestWebhook(shop.baseURL, body, testProviderSignature(body));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ duplicate: true });
  }
  // A new event id, a forged signature, a stale timestamp, a tampered body: 400 before anything is read.
  const forged = paid.replace(/"id":"evt_[0-9a-f]+"/, '"id":"evt_forged000000000000000000"');
  const refusals = [
    await postTestWebhook(shop.baseURL, forged, testProviderSignature(paid)),
    await postTestWebhook(shop.baseURL, paid, testProviderSignature(paid, Math.floor(Date.now() / 1000) - 3_600)),
    await postTestWebhook(shop.baseURL, paid, "t=1,v1=00"),
    await postTestWebhook(shop.baseURL, paid, null),
  ];
  expect(refusals.map((response) => response.status)).toEqual([400, 400, 400, 400]);
  expect(await books()).toEqual(before);
});

test("an abandoned payment: the stock comes back after the hold, the order expires live, and buying again works", async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const page = await shopperOn(browser, shop.baseURL, "Walked Away");
  const before = await stockOf(database, "oak-stool");
  await addToCart(page, "oak-stool", 2);
  await page.goto("/checkout");
  await expect(page.getByTestId("checkout-total")).toBeVisible();
  await fillShippingAddress(page);
  await page.getByRole("button", { name: /Continue to payment/ }).click();
  await page.getByRole("link", { name: /Cancel and return/ }).click();
  await expect(page.getByTestId("awaiting-payment")).toBeVisible();
  expect(await stockOf(database, "oak-stool")).toBe(before - 2);

  await expect(page.getByTestId("order-status")).toHaveText("Expired", { timeout: (HOLD_SECONDS + 20) * 1_000 });
  await expect(page.getByTestId("order-expired")).toBeVisible();
  expect(await stockOf(database, "oak-stool")).toBe(before);

  await addToCart(page, "oak-stool", 2);
  await checkOut(page, APPROVED_CARD);
  await expect(page.getByTestId("order-paid")).toBeVisible();
});

test("kill -9 after the provider charged but before any webhook was handled: reconciliation settles the order", async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const { instance, database: lost } = lostWebhooks;
  const page = await shopperOn(browser, instance.baseURL, "Lost Webhook");
  await addToCart(page, "enamel-camp-mug", 1);
  await checkOut(page, APPROVED_CARD);
  await expect(page.getByTestId("awaiting-payment")).toContainText("Waiting for payment confirmation");
  const orderId = orderIdIn(page);
  const [charged] = await lost.sql<{ status: string }[]>`
    select status::text from test_provider.sessions where merchant_reference = ${orderId}`;
  expect(charged?.status).toBe("succeeded");

  await instance.stop("SIGKILL");
  await instance.restart();
  await expect
    .poll(
      async () =>
        (await lost.sql<{ status: string }[]>`select status::text from orders where id = ${orderId}`)[0]?.status,
      { timeout: 30_000 },
    )
    .toBe("paid");
  const [books] = await lost.sql<{ charges: number; outcome: string }[]>`
    select (select count(*)::int from payments where order_id = ${orderId} and kind = 'charge') as charges,
      (select string_agg(outcome, ',') from payment_events where order_id = ${orderId}) as outcome`;
  expect(books).toEqual({ charges: 1, outcome: "order paid" });
  await page.reload();
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
});

test("thirty buyers race for a code limited to ten uses over HTTP: exactly ten orders carry it", async () => {
  test.setTimeout(90_000);
  const admin = await signedInApi(shop.baseURL, ADMIN);
  await trpc(admin, "admin.discounts.create", { code: "FIRST-TEN", kind: "percent", value: 20, usageLimit: 10 });
  const buyers = await Promise.all(Array.from({ length: 30 }, () => newShopper(shop.baseURL)));
  const mug = await productId(buyers[0] ?? admin, "stoneware-mug");
  const stockBefore = await stockOf(database, "stoneware-mug");
  await Promise.all(buyers.map((buyer) => trpc(buyer, "cart.setItem", { productId: mug, quantity: 1 })));

  const answers = await Promise.all(
    buyers.map((buyer) =>
      buyer.post("/api/trpc/checkout.placeOrder", {
        data: { idempotencyKey: randomUUID(), ...shipTo, discountCode: "first-ten" },
      }),
    ),
  );
  const statuses = answers.map((answer) => answer.status()).sort();
  expect(statuses.filter((status) => status === 200)).toHaveLength(10);
  expect(statuses.filter((status) => status === 409)).toHaveLength(20);
  for (const refused of answers.filter((answer) => answer.status() === 409)) {
    expect(await refused.text()).toContain("has been used as many times as it allows");
  }
  const [books] = await database.sql<{ used: number; orders: number }[]>`
    select (select times_used from discount_codes where code = 'FIRST-TEN') as used,
      (select count(*)::int from orders where discount_code = 'FIRST-TEN') as orders`;
  expect(books).toEqual({ used: 10, orders: 10 });
  // Only the ten winners hold stock.
  expect(await stockOf(database, "stoneware-mug")).toBe(stockBefore - 10);
  await Promise.all([admin, ...buyers].map((api) => api.dispose()));
});

test("no card number in either database after all that", async () => {
  for (const db of [database, lostWebhooks.database]) {
    const tables = await db.sql<{ schema: string; name: string }[]>`
      select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`;
    expect(tables.length).toBeGreaterThan(20);
    for (const { schema, name } of tables) {
      const rows = await db.sql.unsafe<{ row: string }[]>(`select t::text as row from "${schema}"."${name}" t`);
      const holding = rows.filter(({ row }) => cardNumbersIn(row).length > 0);
      expect(holding, `${schema}.${name}`).toHaveLength(0);
    }
  }
});
