import { shipTo } from "./support/shipping";
import { randomUUID } from "node:crypto";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders } from "@/server/db/schema";
import type { Actor } from "@/server/domain/actor";
import { corsPreflight, withCors } from "@/server/http/cors";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { callerFor, createCustomer, httpCall } from "./support/callers";
import { restCall, restErrorBody } from "./support/rest";
import { payPlacedOrder } from "./support/payments";
import { buyAs, placeUnpaid } from "./support/purchases";
import { insertProduct } from "./support/shop-fixtures";

let database: TestDatabase;
let shopper: Actor;
let token: string;

beforeAll(async () => {
  database = await createTestDatabase();
  shopper = await createCustomer(database.db);
  ({ token } = await callerFor(database.db, shopper).account.tokens.create({
    name: "rest tests",
    scopes: ["read", "orders"],
    expiresInDays: 1,
  }));
});

afterAll(() => database.dispose());

async function orderCount(): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(orders);
  return row?.n ?? 0;
}

describe("POST /api/v1/orders", () => {
  it("needs an Idempotency-Key header, and says so", async () => {
    const product = await insertProduct(database.db, { stock: 5 });
    await restCall(database.db, "PUT", `/cart/items/${product.id}`, { token, body: { quantity: 1 } });
    const before = await orderCount();
    const response = await restCall(database.db, "POST", "/orders", { token, body: {} });
    expect(response.status).toBe(400);
    const body = restErrorBody(response.json);
    expect(body.message).toMatch(/Idempotency-Key header is required/);
    expect(body.issues?.[0]?.path).toBe("Idempotency-Key");
    expect(await orderCount()).toBe(before);
  });

  it("accepts the order with 202, a Location and the payment page, and a repeated key returns the same", async () => {
    const product = await insertProduct(database.db, { stock: 5 });
    await restCall(database.db, "DELETE", "/cart", { token });
    await restCall(database.db, "PUT", `/cart/items/${product.id}`, { token, body: { quantity: 2 } });
    const key = randomUUID();
    const first = await restCall(database.db, "POST", "/orders", {
      token,
      headers: { "idempotency-key": key },
      body: shipTo,
    });
    expect(first.status).toBe(202);
    const accepted = first.json as { order: { id: string; status: string }; paymentUrl: string | null };
    expect(accepted.order.status).toBe("awaiting_payment");
    expect(accepted.paymentUrl).toMatch(/^https?:\/\/.+/);
    expect(first.headers.get("location")).toBe(`/api/v1/orders/${accepted.order.id}`);

    const again = await restCall(database.db, "POST", "/orders", {
      token,
      headers: { "idempotency-key": key },
      body: shipTo,
    });
    expect(again.status).toBe(202);
    expect(again.json).toMatchObject({ order: { id: accepted.order.id }, paymentUrl: accepted.paymentUrl });
    const fetched = await restCall(database.db, "GET", `/orders/${accepted.order.id}`, { token });
    expect(fetched.json).toMatchObject({ id: accepted.order.id, itemCount: 2, status: "awaiting_payment" });

    // The provider's webhook makes it paid: polling the Location says so.
    await payPlacedOrder(database.db, accepted.paymentUrl);
    const polled = await restCall(database.db, "GET", `/orders/${accepted.order.id}`, { token });
    expect(polled.json).toMatchObject({ id: accepted.order.id, status: "paid" });
  });

  it("refuses an Idempotency-Key that is not a UUID with a field issue", async () => {
    const response = await restCall(database.db, "POST", "/orders", {
      token,
      headers: { "idempotency-key": "not-a-uuid" },
      body: {},
    });
    expect(response.status).toBe(400);
    expect(restErrorBody(response.json).issues?.map((issue) => issue.path)).toContain("idempotencyKey");
  });
});

describe("POST /api/v1/orders/{id}/pay", () => {
  it("gives the owner a new payment page after a decline", async () => {
    const product = await insertProduct(database.db, { stock: 5 });
    const { order, paymentUrl } = await placeUnpaid(database.db, shopper, product.id);
    await payPlacedOrder(database.db, paymentUrl, "declined");

    const response = await restCall(database.db, "POST", `/orders/${order.id}/pay`, { token });
    expect(response.status).toBe(200);
    const page = response.json as { paymentUrl: string };
    expect(page.paymentUrl).toMatch(/^https?:\/\/.+/);
    expect(page.paymentUrl).not.toBe(paymentUrl);
    await payPlacedOrder(database.db, page.paymentUrl);
    expect((await restCall(database.db, "GET", `/orders/${order.id}`, { token })).json).toMatchObject({
      status: "paid",
    });
  });

  it("is 404 for someone else's order and 409 for one already paid", async () => {
    const product = await insertProduct(database.db, { stock: 5 });
    const stranger = await createCustomer(database.db);
    const { order: theirs } = await placeUnpaid(database.db, stranger, product.id);
    const notYours = await restCall(database.db, "POST", `/orders/${theirs.id}/pay`, { token });
    expect(notYours.status).toBe(404);
    expect(restErrorBody(notYours.json).code).toBe("NOT_FOUND");

    const paid = await buyAs(database.db, shopper, product.id);
    const nothingToPay = await restCall(database.db, "POST", `/orders/${paid.id}/pay`, { token });
    expect(nothingToPay.status).toBe(409);
    expect(restErrorBody(nothingToPay.json).code).toBe("CONFLICT");
  });
});

describe("bad input over REST is a 4xx in the contract's shape, never a 500", () => {
  const cases: [string, string, string, Parameters<typeof restCall>[3], number][] = [
    ["wrong type", "PUT", `/cart/items/${randomUUID()}`, { body: { quantity: "three" } }, 400],
    ["missing field", "PUT", `/cart/items/${randomUUID()}`, { body: {} }, 400],
    ["negative number", "PUT", `/cart/items/${randomUUID()}`, { body: { quantity: -1 } }, 400],
    ["malformed JSON", "PUT", `/cart/items/${randomUUID()}`, { rawBody: "{quantity:" }, 400],
    ["empty body where input is needed", "PUT", `/cart/items/${randomUUID()}`, { rawBody: "" }, 400],
    ["a JSON array body", "PUT", `/cart/items/${randomUUID()}`, { body: [1, 2] }, 400],
    [
      "non-JSON content type",
      "PUT",
      `/cart/items/${randomUUID()}`,
      { rawBody: "quantity=1", headers: { "content-type": "application/x-www-form-urlencoded" } },
      415,
    ],
    ["bad path parameter", "GET", "/orders/not-a-uuid", {}, 400],
    ["malformed percent-encoding", "GET", "/products/%E0%A4%A", {}, 400],
    ["unknown path", "GET", "/no-such-thing", {}, 404],
    ["wrong method", "PATCH", "/orders", {}, 405],
    ["query number that is not one", "GET", "/products?limit=lots", {}, 400],
    ["query number out of range", "GET", "/products?limit=1000", {}, 400],
    ["unknown sort", "GET", "/products?sort=random", {}, 400],
    ["NUL in a search", "GET", "/products?q=a%00b", {}, 400],
    ["a cursor from nowhere", "GET", "/products?cursor=eyJ4IjoxfQ", {}, 400],
    [
      "huge body",
      "PUT",
      `/cart/items/${randomUUID()}`,
      { rawBody: JSON.stringify({ quantity: 1, pad: "x".repeat(1_100_000) }) },
      413,
    ],
  ];

  it.each(cases)("%s", async (_name, method, path, options, status) => {
    const response = await restCall(database.db, method, path, { token, ...options });
    expect(response.status).toBe(status);
    const body = restErrorBody(response.json);
    expect(JSON.stringify(body)).not.toMatch(/stack|select |at \w+ \(/i);
  });

  it("names the wrong field", async () => {
    const response = await restCall(database.db, "PUT", `/cart/items/${randomUUID()}`, {
      token,
      body: { quantity: 1.5 },
    });
    expect(restErrorBody(response.json).issues).toEqual([
      { path: "quantity", message: "Quantity must be a whole number" },
    ]);
  });

  it("answers 401 without credentials and keeps public reads public", async () => {
    expect((await restCall(database.db, "GET", "/cart")).status).toBe(401);
    expect((await restCall(database.db, "GET", "/products?limit=2")).status).toBe(200);
  });

  it("reads typed query parameters: numbers and repeated values", async () => {
    const response = await restCall(database.db, "GET", "/products?limit=1&sort=price_asc");
    expect(response.status).toBe(200);
    expect((response.json as { items: unknown[] }).items).toHaveLength(1);
  });
});

describe("a mutation without input accepts an empty body", () => {
  it("on REST: DELETE /cart", async () => {
    const response = await restCall(database.db, "DELETE", "/cart", { token });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ items: [] });
  });

  it("on tRPC: POST /api/trpc/cart.clear with a JSON content type and no body", async () => {
    const response = await httpCall(database.db, "cart.clear", undefined, { method: "POST", body: "", actor: shopper });
    expect(response.status).toBe(200);
  });

  it("and refuses one that carries input, saying it takes none", async () => {
    const response = await httpCall(
      database.db,
      "cart.clear",
      { everything: true },
      { method: "POST", actor: shopper },
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toContain("This procedure takes no input: send an empty body, or none.");
  });
});

describe("CORS", () => {
  const allowed = ["https://app.example.com"];

  it("answers a preflight from an allowed origin, with credentials for that origin only", () => {
    const response = corsPreflight(
      new Request("http://localhost/api/v1/orders", {
        method: "OPTIONS",
        headers: { origin: "https://app.example.com", "access-control-request-method": "POST" },
      }),
      allowed,
    );
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(response.headers.get("access-control-allow-headers")).toMatch(/idempotency-key/);
    expect(response.headers.get("vary")).toMatch(/Origin/);
  });

  it("gives another origin no CORS headers at all", () => {
    const request = new Request("http://localhost/api/v1/orders", {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    const preflight = corsPreflight(request, allowed);
    const answer = withCors(request, Response.json({}), allowed);
    for (const response of [preflight, answer]) {
      expect([...response.headers.keys()].filter((name) => name.startsWith("access-control-"))).toEqual([]);
      expect(response.headers.get("vary")).toMatch(/Origin/);
    }
  });

  it("never combines credentials with a wildcard origin, and allows no origin by default", () => {
    const request = new Request("http://localhost/api/trpc/cart.get", {
      headers: { origin: "https://app.example.com" },
    });
    const answer = withCors(request, Response.json({}), allowed);
    expect(answer.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    expect(answer.headers.get("access-control-expose-headers")).toMatch(/location/);
    expect(withCors(request, Response.json({}), []).headers.get("access-control-allow-origin")).toBeNull();
    for (const origin of ["*", "null"]) {
      const other = new Request("http://localhost/api/v1/cart", { headers: { origin } });
      expect(withCors(other, Response.json({}), allowed).headers.get("access-control-allow-origin")).toBeNull();
    }
  });
});
