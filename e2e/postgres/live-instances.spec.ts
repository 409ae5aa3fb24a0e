import { expect, test } from "../fixtures";
import { buy, newShopper, productId, stockStreamUrl } from "../lib/api-shopper";
import { startInstance, type Instance } from "../lib/instance";
import { fetchPage, stockShownIn } from "../lib/page-html";
import { SseClient } from "../lib/sse-client";
import { createE2EDatabase, type E2EDatabase } from "../lib/test-database";

// Two production servers on one PostgreSQL database, as behind a load balancer.
let database: E2EDatabase;
let first: Instance;
let second: Instance;

test.beforeAll(async () => {
  database = await createE2EDatabase();
  first = await startInstance({ port: 3101, databaseUrl: database.url });
  second = await startInstance({ port: 3102, databaseUrl: database.url });
});

test.afterAll(async () => {
  await first?.stop();
  await second?.stop("SIGKILL");
  await database?.drop();
});

test("a purchase through one instance reaches a live client of the other", async () => {
  const shopper = await newShopper(first.baseURL);
  const backpack = await productId(shopper, "waxed-backpack");
  const client = new SseClient(stockStreamUrl(second.baseURL, [backpack])).start();
  try {
    await client.waitFor(0);
    await buy(shopper, backpack, 1);
    await client.waitFor(1);
    expect(client.events.map((event) => event.data)).toEqual([{ kind: "stock", productId: backpack, stock: 11 }]);
  } finally {
    await client.stop();
  }
});

test("a purchase through one instance drops the other's cached product page at once", async () => {
  const shopper = await newShopper(first.baseURL);
  const mug = await productId(shopper, "stoneware-mug");
  const page = async () => {
    const { cache, html } = await fetchPage(`${second.baseURL}/products/stoneware-mug`);
    return { cache, stock: stockShownIn(html) };
  };
  const before = await page();
  await expect.poll(async () => (await page()).cache).toBe("hit");
  await buy(shopper, mug, 2);
  await expect.poll(async () => (await page()).stock, { timeout: 2_000 }).toBe(before.stock - 2);
});

test("a client whose instance restarts gets the events it missed, none twice", async () => {
  const shopper = await newShopper(first.baseURL);
  const lamp = await productId(shopper, "brass-desk-lamp");
  const client = new SseClient(stockStreamUrl(second.baseURL, [lamp])).start();
  try {
    await client.waitFor(0);
    await buy(shopper, lamp, 1);
    await client.waitFor(1);

    await second.stop("SIGKILL");
    // Committed through the other instance while this one is down:
    await buy(shopper, lamp, 2);
    await buy(shopper, lamp, 3);
    await second.restart();

    await client.waitFor(3, { connections: 2 });
    await buy(shopper, lamp, 1);
    await client.waitFor(4);

    expect(client.events.map((event) => event.data)).toEqual([
      { kind: "stock", productId: lamp, stock: 14 },
      { kind: "stock", productId: lamp, stock: 12 },
      { kind: "stock", productId: lamp, stock: 9 },
      { kind: "stock", productId: lamp, stock: 8 },
    ]);
    const ids = client.events.map((event) => Number(event.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  } finally {
    await client.stop();
  }
});
