import { shipTo } from "../../tests/support/shipping";
import { randomUUID } from "node:crypto";
import { expect, test } from "../fixtures";
import { startInstance, type Instance } from "../lib/instance";
import { newTokenBuyer, restClient, type RestClient } from "../lib/rest-client";
import { createE2EDatabase, type E2EDatabase } from "../lib/test-database";
import { untilAnswered } from "../lib/until-answered";

// kill -9 during a checkout load, five times, then the books are checked in SQL.
const BUYERS = 50;
const KILLS = 5;
const ORDERS_BETWEEN_KILLS = 25;
// Two products sell out during the run (no overselling across crashes); the others never do, so checkouts go on.
const SCARCE_STOCK = 20;
const PLENTIFUL_STOCK = 100_000;

let database: E2EDatabase;
let server: Instance;

test.beforeAll(async () => {
  database = await createE2EDatabase();
  server = await startInstance({ port: 3141, databaseUrl: database.url });
});

test.afterAll(async () => {
  await server?.stop("SIGKILL");
  await database?.drop();
});

interface Acknowledged {
  authorization: string;
  idempotencyKey: string;
  orderId: string;
  productId: string;
  quantity: number;
}

interface Load {
  acknowledged: Acknowledged[];
  cancelled: Set<string>;
  /** Checkouts whose first try was cut by a kill (or refused while the server was down). */
  interruptedCheckouts: number;
  soldOut: number;
  /** Answers no careful client should ever get (a 500, an unexpected 4xx). */
  unexpected: string[];
  inFlight: number;
  stopping: boolean;
}

function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(Math.random() * items.length)];
  if (item === undefined) throw new Error("nothing to pick from");
  return item;
}

function describeFailure(step: string, { response, error }: { response: Response; error?: unknown }): string {
  return `${step}: ${response.status} ${JSON.stringify(error)}`;
}

/** One buyer: put an item in the cart, check out with a fresh key (retried with the same key until answered), sometimes cancel. */
async function shop(client: RestClient, authorization: string, productIds: readonly string[], load: Load) {
  const headers = { authorization };
  while (!load.stopping) {
    const productId = pick(productIds);
    const quantity = 1 + Math.floor(Math.random() * 2);
    const cart = await untilAnswered(() =>
      client.PUT("/cart/items/{productId}", { params: { path: { productId } }, body: { quantity }, headers }),
    );
    if (cart.result.response.status === 409) {
      load.soldOut += 1;
      // A try cut by a kill may have put the item in before the stock ran short: start again from an empty cart.
      if (cart.interrupted) await untilAnswered(() => client.DELETE("/cart", { headers }));
      continue;
    }
    if (!cart.result.response.ok) {
      load.unexpected.push(describeFailure("cart", cart.result));
      continue;
    }

    const idempotencyKey = randomUUID();
    load.inFlight += 1;
    const checkout = await untilAnswered(() =>
      client.POST("/orders", {
        params: { header: { "Idempotency-Key": idempotencyKey } },
        body: shipTo,
        headers,
      }),
    ).finally(() => (load.inFlight -= 1));
    if (checkout.interrupted) load.interruptedCheckouts += 1;
    const { data: placed, response } = checkout.result;
    const order = placed?.order;
    if (response.status === 409) {
      load.soldOut += 1;
      await untilAnswered(() => client.DELETE("/cart", { headers }));
      continue;
    }
    if (!order) {
      load.unexpected.push(describeFailure("checkout", checkout.result));
      continue;
    }
    load.acknowledged.push({ authorization, idempotencyKey, orderId: order.id, productId, quantity });

    if (load.acknowledged.length % 4 === 0) {
      const cancel = await untilAnswered(() =>
        client.DELETE("/orders/{id}", { params: { path: { id: order.id } }, headers }),
      );
      // A cancel cut after it committed is retried into "already cancelled": both mean it happened.
      const alreadyCancelled = cancel.interrupted && cancel.result.response.status === 409;
      if (cancel.result.response.ok || alreadyCancelled) load.cancelled.add(order.id);
      else load.unexpected.push(describeFailure("cancel", cancel.result));
    }
  }
}

async function untilOrders(load: Load, count: number): Promise<void> {
  await expect
    .poll(() => load.acknowledged.length, { timeout: 60_000, message: "orders keep being acknowledged" })
    .toBeGreaterThanOrEqual(count);
}

test("kill -9 five times during a 50-buyer checkout load loses no acknowledged order and keeps the books exact", async () => {
  test.setTimeout(240_000);
  const picked = await database.sql<{ id: string }[]>`select id from products where active order by slug limit 6`;
  const productIds = picked.map((row) => row.id);
  const [scarce, plentiful] = [productIds.slice(0, 2), productIds.slice(2)];
  await database.sql`update products set stock = ${SCARCE_STOCK} where id in ${database.sql(scarce)}`;
  await database.sql`update products set stock = ${PLENTIFUL_STOCK} where id in ${database.sql(plentiful)}`;
  const initialStock = new Map(productIds.map((id) => [id, scarce.includes(id) ? SCARCE_STOCK : PLENTIFUL_STOCK]));

  const client = restClient(server.baseURL);
  const buyers: { authorization: string }[] = [];
  for (let batch = 0; batch < BUYERS; batch += 10) {
    buyers.push(...(await Promise.all(Array.from({ length: 10 }, () => newTokenBuyer(server.baseURL, client)))));
  }

  const load: Load = {
    acknowledged: [],
    cancelled: new Set(),
    interruptedCheckouts: 0,
    soldOut: 0,
    unexpected: [],
    inFlight: 0,
    stopping: false,
  };
  const shoppers = buyers.map((buyer) => shop(client, buyer.authorization, productIds, load));
  const inFlightAtKills: number[] = [];
  try {
    for (let kill = 1; kill <= KILLS; kill += 1) {
      await untilOrders(load, kill * ORDERS_BETWEEN_KILLS);
      inFlightAtKills.push(load.inFlight);
      await server.stop("SIGKILL");
      await server.restart();
    }
    // Back after the last crash: orders flow again.
    await untilOrders(load, load.acknowledged.length + ORDERS_BETWEEN_KILLS);
  } finally {
    load.stopping = true;
    await Promise.all(shoppers);
  }

  test.info().annotations.push({
    type: "load",
    description: `${load.acknowledged.length} orders, ${load.cancelled.size} cancelled, ${load.interruptedCheckouts} checkouts retried across a crash, in flight at the kills: ${inFlightAtKills.join(", ")}`,
  });
  expect(load.unexpected).toEqual([]);
  expect(
    inFlightAtKills.reduce((sum, count) => sum + count, 0),
    "checkouts were in flight at the kills",
  ).toBeGreaterThan(0);
  expect(load.interruptedCheckouts, "some checkouts had to be retried across a crash").toBeGreaterThan(0);
  expect(load.soldOut, "the scarce products sold out").toBeGreaterThan(0);

  // Every order in the database is one a buyer saw acknowledged, once, with its items and one payment page.
  // Nobody pays in this run (the payment flow has its own tests): orders hold their stock awaiting payment.
  const stored = await database.sql<
    {
      id: string;
      status: string;
      total: number;
      parts: number;
      subtotal: number;
      itemTotal: number;
      items: number;
      sessions: number;
      charges: number;
    }[]
  >`
    select o.id, o.status, o.total_cents as total, o.subtotal_cents as subtotal,
      o.subtotal_cents - o.discount_cents + o.shipping_cents + o.tax_cents as parts,
      (select count(*)::int from order_items i where i.order_id = o.id) as items,
      (select coalesce(sum(i.quantity * i.unit_price_cents), 0)::int from order_items i where i.order_id = o.id) as "itemTotal",
      (select count(*)::int from payment_sessions s where s.order_id = o.id) as sessions,
      (select count(*)::int from payments p where p.order_id = o.id) as charges
    from orders o`;
  expect(stored.map((order) => order.id).sort()).toEqual(load.acknowledged.map((order) => order.orderId).sort());
  for (const order of stored) {
    const cancelled = load.cancelled.has(order.id);
    expect(order, `order ${order.id}`).toMatchObject({
      status: cancelled ? "cancelled" : "awaiting_payment",
      items: 1,
      itemTotal: order.subtotal,
      parts: order.total,
      sessions: 1,
      charges: 0,
    });
  }
  const [orphans] = await database.sql<{ payments: number; items: number }[]>`
    select (select count(*)::int from payments p where not exists (select 1 from orders o where o.id = p.order_id)) as payments,
           (select count(*)::int from order_items i where not exists (select 1 from orders o where o.id = i.order_id)) as items`;
  expect(orphans).toEqual({ payments: 0, items: 0 });

  // Each line is what its buyer put in the cart.
  const lines = await database.sql<{ orderId: string; productId: string; quantity: number }[]>`
    select order_id as "orderId", product_id as "productId", quantity from order_items`;
  const lineOf = new Map(lines.map((line) => [line.orderId, line]));
  for (const order of load.acknowledged) {
    expect(lineOf.get(order.orderId)).toEqual({
      orderId: order.orderId,
      productId: order.productId,
      quantity: order.quantity,
    });
  }

  // Stock = initial − sold + cancelled, never below zero.
  const stock = await database.sql<{ id: string; stock: number; kept: number }[]>`
    select p.id, p.stock,
      (select coalesce(sum(i.quantity), 0)::int from order_items i join orders o on o.id = i.order_id
        where i.product_id = p.id and o.status <> 'cancelled') as kept
    from products p where p.id in ${database.sql(productIds)}`;
  for (const product of stock) {
    expect(product.stock, `stock of ${product.id}`).toBe((initialStock.get(product.id) ?? 0) - product.kept);
    expect(product.stock).toBeGreaterThanOrEqual(0);
  }

  // A retry with an acknowledged key, after all the crashes, returns that order and its one payment page.
  for (const order of load.acknowledged.filter((_, index) => index % 5 === 0)) {
    const { data, error, response } = await client.POST("/orders", {
      params: { header: { "Idempotency-Key": order.idempotencyKey } },
      body: shipTo,
      headers: { authorization: order.authorization },
    });
    expect(response.status, JSON.stringify(error)).toBeLessThan(300);
    expect(data?.order.id).toBe(order.orderId);
  }
  const [sessions] = await database.sql<{ count: number }[]>`select count(*)::int as count from payment_sessions`;
  expect(sessions?.count).toBe(load.acknowledged.length);
});
