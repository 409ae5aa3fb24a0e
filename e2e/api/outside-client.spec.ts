import { shipTo } from "../../tests/support/shipping";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test } from "../fixtures";
import createClient from "openapi-fetch";
import { API_TYPES_FILE, apiTypesFrom } from "../lib/api-types";
import type { paths } from "./storefront-api";

// What a partner's app would do: generate a typed client from /api/openapi.json and shop with a token.

test("the committed client types are what the live document generates", async ({ request }) => {
  const document: unknown = await (await request.get("/api/openapi.json")).json();
  expect(await apiTypesFrom(document), "run `npm run api:types`").toBe(readFileSync(API_TYPES_FILE, "utf8"));
});

test("a generated, typed client buys, repeats the purchase safely, lists and cancels", async ({ baseURL }) => {
  const client = createClient<paths>({ baseUrl: `${baseURL}/api/v1` });

  const email = `partner-${randomUUID()}@example.test`;
  const password = "a long password";
  const signUp = await fetch(`${baseURL}/api/trpc/auth.signUp`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password, name: "Partner App" }),
  });
  expect(signUp.ok).toBe(true);

  const { data: issued, error: tokenError } = await client.POST("/auth/token", {
    body: { email, password, name: "partner app" },
  });
  expect(tokenError).toBeUndefined();
  const headers = { authorization: `Bearer ${issued?.token}` };

  const { data: products } = await client.GET("/products", { params: { query: { q: "Espresso", limit: 5 } } });
  const cups = products?.items.find((product) => product.slug === "espresso-cup-pair");
  expect(cups).toBeDefined();
  if (!cups) return;

  const { data: cart, error: cartError } = await client.PUT("/cart/items/{productId}", {
    params: { path: { productId: cups.id } },
    body: { quantity: 2 },
    headers,
  });
  expect(cartError).toBeUndefined();
  expect(cart?.subtotalCents).toBe(cups.priceCents * 2);

  const idempotencyKey = randomUUID();
  const place = () =>
    client.POST("/orders", {
      params: { header: { "Idempotency-Key": idempotencyKey } },
      body: shipTo,
      headers,
    });
  const first = await place();
  expect(first.response.status).toBe(202);
  expect(first.response.headers.get("location")).toBe(`/api/v1/orders/${first.data?.order.id}`);
  expect(first.data?.order.status).toBe("awaiting_payment");
  expect(first.data?.paymentUrl).toMatch(/\/test-provider\/pay\/tps_/);

  // A retry after a lost answer: the same order and the same payment page.
  const retry = await place();
  expect(retry.data?.order.id).toBe(first.data?.order.id);
  expect(retry.data?.paymentUrl).toBe(first.data?.paymentUrl);

  const { data: mine } = await client.GET("/orders", { params: { query: { limit: 10 } }, headers });
  expect(mine?.items.map((order) => order.id)).toEqual([first.data?.order.id]);

  // Unpaid, so cancelling returns the stock and there is nothing to refund.
  const { data: cancelled } = await client.DELETE("/orders/{id}", {
    params: { path: { id: first.data?.order.id ?? "" } },
    headers,
  });
  expect(cancelled?.status).toBe("cancelled");
  expect(cancelled?.payments).toEqual([]);

  const { data: again } = await client.GET("/products/{slug}", { params: { path: { slug: "espresso-cup-pair" } } });
  expect(again?.stock).toBe(cups.stock);

  // Errors are typed too: the contract's shape.
  const { error } = await client.GET("/orders/{id}", { params: { path: { id: randomUUID() } }, headers });
  expect(error).toMatchObject({ code: "NOT_FOUND" });
});
