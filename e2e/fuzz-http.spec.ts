import { shipTo } from "../tests/support/shipping";
import { expect, test } from "./fixtures";
import { rawRequest } from "./lib/raw-http";
import { SHOPPER } from "./support";

/**
 * A subset of the in-process fuzzer (tests/fuzz.test.ts), sent over real
 * sockets to `npm start`, for both faces: whatever the production server, its
 * guards, the proxy and Next.js do around the handlers, hostile input still
 * gets a clean 4xx in the error shape, never a 5xx, a stack or SQL.
 */

const origin = "http://localhost:3100";

const hostile: unknown[] = [
  null,
  true,
  -1,
  1.5,
  1e308,
  "",
  "x".repeat(20_000),
  "nul\u0000byte",
  "' or 1=1 --",
  "<script>alert(1)</script>",
  "%ff",
  [],
  {},
  { __proto__: { polluted: true } },
];

const LEAKS = /\bat [\w.<>]+ \(|node_modules|\bselect\b.+\bfrom\b|\binsert into\b|postgres|drizzle|stack/i;

async function bearerToken(): Promise<string> {
  const answer = await rawRequest(`${origin}/api/v1/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(SHOPPER),
  });
  expect(answer.status).toBe(200);
  return (JSON.parse(answer.body) as { token: string }).token;
}

interface Probe {
  label: string;
  method: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

function encoded(value: unknown): string {
  return encodeURIComponent(typeof value === "string" ? value : JSON.stringify(value));
}

function probes(productId: string): Probe[] {
  const list: Probe[] = [];
  const json = (value: unknown) => JSON.stringify(value);
  for (const value of hostile) {
    const shown = JSON.stringify(value)?.slice(0, 30) ?? String(value);
    // tRPC queries: each field of the input broken in turn.
    for (const field of ["limit", "sort", "q", "cursor"]) {
      list.push({
        label: `trpc catalog.list ${field}=${shown}`,
        method: "GET",
        path: `/api/trpc/catalog.list?input=${encoded(json({ [field]: value }))}`,
      });
    }
    list.push({
      label: `trpc orders.byId id=${shown}`,
      method: "GET",
      path: `/api/trpc/orders.byId?input=${encoded(json({ id: value }))}`,
    });
    // tRPC mutations.
    list.push({
      label: `trpc cart.setItem quantity=${shown}`,
      method: "POST",
      path: "/api/trpc/cart.setItem",
      body: json({ productId, quantity: value }),
    });
    list.push({
      label: `trpc checkout.placeOrder key=${shown}`,
      method: "POST",
      path: "/api/trpc/checkout.placeOrder",
      body: json({ idempotencyKey: value, ...shipTo }),
    });
    // REST: query strings, path parameters, bodies and headers.
    list.push({
      label: `rest products limit=${shown}`,
      method: "GET",
      path: `/api/v1/products?limit=${encoded(value)}`,
    });
    list.push({ label: `rest products sort=${shown}`, method: "GET", path: `/api/v1/products?sort=${encoded(value)}` });
    list.push({ label: `rest order ${shown}`, method: "GET", path: `/api/v1/orders/${encoded(value)}` });
    list.push({
      label: `rest cart item quantity=${shown}`,
      method: "PUT",
      path: `/api/v1/cart/items/${productId}`,
      body: json({ quantity: value }),
    });
    list.push({
      label: `rest cart item id=${shown}`,
      method: "PUT",
      path: `/api/v1/cart/items/${encoded(value)}`,
      body: json({ quantity: 1 }),
    });
    list.push({
      label: `rest orders payment=${shown}`,
      method: "POST",
      path: "/api/v1/orders",
      headers: { "idempotency-key": typeof value === "string" && value.length < 200 ? encodeURIComponent(value) : "x" },
      body: json({ payment: value }),
    });
    list.push({
      label: `rest auth/token email=${shown}`,
      method: "POST",
      path: "/api/v1/auth/token",
      body: json({ email: value, password: value }),
    });
  }
  // Bodies that are not what the content type says (under the size cap: e2e/security.spec.ts sends the oversized ones), wrong methods, unknown paths.
  for (const body of ["{", "[]", "null", "", "\u0000", '{"quantity": 1}}', "x".repeat(100_000)]) {
    list.push({ label: `trpc raw body ${body.slice(0, 10)}`, method: "POST", path: "/api/trpc/cart.setItem", body });
    list.push({ label: `rest raw body ${body.slice(0, 10)}`, method: "POST", path: "/api/v1/orders", body });
  }
  list.push({ label: "rest unknown path", method: "GET", path: "/api/v1/no-such-thing" });
  list.push({ label: "rest root", method: "GET", path: "/api/v1" });
  list.push({ label: "rest root, slash", method: "GET", path: "/api/v1/" });
  list.push({ label: "rest wrong method", method: "PATCH", path: "/api/v1/products" });
  list.push({ label: "trpc unknown procedure", method: "GET", path: "/api/trpc/no.such.procedure" });
  list.push({ label: "trpc query as mutation", method: "POST", path: "/api/trpc/catalog.list", body: "{}" });
  return list;
}

test("hostile input over real HTTP gets a clean 4xx on both faces, never a 5xx, a stack or SQL", async () => {
  test.setTimeout(120_000);
  const token = await bearerToken();
  const products = JSON.parse((await rawRequest(`${origin}/api/v1/products?limit=1`)).body) as {
    items: { id: string }[];
  };
  const productId = products.items[0]?.id ?? "";
  const failures: string[] = [];
  let refusals = 0;
  const all = probes(productId);
  for (const probe of all) {
    const answer = await rawRequest(`${origin}${probe.path}`, {
      method: probe.method,
      headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...probe.headers },
      body: probe.body,
    }).catch((error: unknown) => ({ status: 0, headers: {}, body: String(error) }));
    // Some hostile values are valid somewhere (a search for "' or 1=1 --"): those may succeed.
    const refused = answer.status >= 400;
    const problem =
      answer.status === 0 || answer.status >= 500
        ? `status ${answer.status}`
        : refused && LEAKS.test(answer.body)
          ? "leaks internals"
          : // 431: Node's HTTP parser refuses a request line over 16 KB before any code of ours runs.
            refused && answer.status !== 431 && !/"code"\s*:\s*"[A-Z_]+"/.test(answer.body)
            ? "no error code in the body"
            : null;
    if (refused) refusals += 1;
    if (problem) failures.push(`${probe.label}: ${problem} (${answer.status}): ${answer.body.slice(0, 200)}`);
  }
  expect(all.length).toBeGreaterThan(200);
  expect(failures).toEqual([]);
  expect(refusals, "most hostile input is refused").toBeGreaterThan(all.length * 0.7);
});
