import { shipTo } from "../../tests/support/shipping";
import { randomUUID } from "node:crypto";
import { expect, test } from "../fixtures";
import { Validator } from "@seriousme/openapi-schema-validator";
import { ContractChecker } from "../lib/contract";
import { ADMIN } from "../support";
import { linkIn, type CaughtMail } from "../lib/mail-catcher";
import { waitForMailTo } from "../lib/mailbox-client";

test("the published document is valid OpenAPI 3.1 and every operation answers as documented", async ({ request }) => {
  const published = await request.get("/api/openapi.json");
  expect(published.ok()).toBe(true);
  const document = (await published.json()) as Record<string, unknown>;
  const validation = await new Validator().validate(document);
  expect(validation.errors ?? [], JSON.stringify(validation.errors)).toEqual([]);
  expect(validation.valid).toBe(true);
  expect(document.openapi).toMatch(/^3\.1\./);

  const contract = new ContractChecker(document);
  const api = "/api/v1";

  // A fresh customer with a token.
  const email = `contract-${randomUUID()}@example.test`;
  const password = "a long password";
  const signUp = await request.post("/api/trpc/auth.signUp", { data: { email, password, name: "Contract" } });
  expect(signUp.ok()).toBe(true);
  await contract.check("POST", "/auth/token", await request.post(`${api}/auth/token`, { data: { email } }), 400);
  await contract.check(
    "POST",
    "/auth/token",
    await request.post(`${api}/auth/token`, { data: { email, password: "wrong password" } }),
    401,
  );
  const issued = (await contract.check(
    "POST",
    "/auth/token",
    await request.post(`${api}/auth/token`, { data: { email, password, name: "contract test" } }),
    200,
  )) as { token: string };
  const auth = { authorization: `Bearer ${issued.token}` };
  const { token: readOnly } = (await (
    await request.post(`${api}/auth/token`, { data: { email, password, scopes: ["read"] } })
  ).json()) as { token: string };

  await contract.check("GET", "/account", await request.get(`${api}/account`), 401);
  await contract.check("GET", "/account", await request.get(`${api}/account`, { headers: auth }), 200);

  const categories = (await contract.check("GET", "/categories", await request.get(`${api}/categories`), 200)) as {
    slug: string;
  }[];
  expect(categories.map((category) => category.slug)).toContain("lighting");
  await contract.check("GET", "/categories", await request.get(`${api}/categories?limit=2`), 400);
  await contract.check(
    "GET",
    "/products",
    await request.get(`${api}/products?category=lighting&inStock=true&limit=3`),
    200,
  );
  await contract.check("GET", "/products", await request.get(`${api}/products?inStock=maybe`), 400);
  await contract.check("GET", "/products", await request.get(`${api}/products?limit=3&sort=price_asc`), 200);
  await contract.check("GET", "/products", await request.get(`${api}/products?limit=0`), 400);
  const lantern = (await contract.check(
    "GET",
    "/products/{slug}",
    await request.get(`${api}/products/paper-lantern`),
    200,
  )) as { id: string; stock: number };
  const plant = (await (await request.get(`${api}/products/snake-plant`)).json()) as { id: string };
  await contract.check("GET", "/products/{slug}", await request.get(`${api}/products/no-such-product`), 404);
  await contract.check("GET", "/products/{slug}", await request.get(`${api}/products/Not_A_Slug`), 400);

  await contract.check("GET", "/cart", await request.get(`${api}/cart`), 401);
  await contract.check("GET", "/cart", await request.get(`${api}/cart`, { headers: auth }), 200);
  const item = (productId: string) => `${api}/cart/items/${productId}`;
  await contract.check(
    "PUT",
    "/cart/items/{productId}",
    await request.put(item(lantern.id), { headers: auth, data: { quantity: "two" } }),
    400,
  );
  await contract.check(
    "PUT",
    "/cart/items/{productId}",
    await request.put(item(lantern.id), { data: { quantity: 1 } }),
    401,
  );
  await contract.check(
    "PUT",
    "/cart/items/{productId}",
    await request.put(item(lantern.id), { headers: { authorization: `Bearer ${readOnly}` }, data: { quantity: 1 } }),
    403,
  );
  await contract.check(
    "PUT",
    "/cart/items/{productId}",
    await request.put(item(randomUUID()), { headers: auth, data: { quantity: 1 } }),
    404,
  );
  await contract.check(
    "PUT",
    "/cart/items/{productId}",
    await request.put(item(lantern.id), { headers: auth, data: { quantity: 99 } }),
    409,
  );
  await contract.check(
    "PUT",
    "/cart/items/{productId}",
    await request.put(item(lantern.id), { headers: { ...auth, "content-type": "text/plain" }, data: "quantity=1" }),
    415,
  );
  await contract.check(
    "PUT",
    "/cart/items/{productId}",
    await request.put(item(lantern.id), { headers: auth, data: { quantity: 1 } }),
    200,
  );
  await contract.check("DELETE", "/cart", await request.delete(`${api}/cart`), 401);
  await contract.check("DELETE", "/cart", await request.delete(`${api}/cart`, { headers: auth }), 200);

  const order = (body: unknown, key?: string) =>
    request.post(`${api}/orders`, { headers: { ...auth, ...(key ? { "idempotency-key": key } : {}) }, data: body });
  await contract.check("POST", "/orders", await order({}), 400);
  await contract.check("POST", "/orders", await order(shipTo, "not-a-uuid"), 400);
  await contract.check("POST", "/orders", await order({ ...shipTo, shippingMethod: "by-pigeon" }, randomUUID()), 400);
  await request.put(item(lantern.id), { headers: auth, data: { quantity: 1 } });
  const key = randomUUID();
  const accepted = (await contract.check("POST", "/orders", await order(shipTo, key), 202)) as {
    order: { id: string; status: string };
    paymentUrl: string;
  };
  expect(accepted.order.status).toBe("awaiting_payment");
  const placed = accepted.order;
  await request.put(item(plant.id), { headers: auth, data: { quantity: 1 } });
  await contract.check("POST", "/orders", await order(shipTo, key), 422);
  await contract.check(
    "POST",
    "/orders",
    await request.post(`${api}/orders`, { headers: { "idempotency-key": randomUUID() }, data: {} }),
    401,
  );
  await contract.check(
    "POST",
    "/orders",
    await request.post(`${api}/orders`, {
      headers: { authorization: `Bearer ${readOnly}`, "idempotency-key": randomUUID() },
      data: {},
    }),
    403,
  );
  const pay = (id: string) => request.post(`${api}/orders/${id}/pay`, { headers: auth, data: {} });
  const page = (await contract.check("POST", "/orders/{id}/pay", await pay(placed.id), 200)) as { paymentUrl: string };
  expect(page.paymentUrl).toBe(accepted.paymentUrl);
  await contract.check("POST", "/orders/{id}/pay", await pay(randomUUID()), 404);
  await contract.check("POST", "/orders/{id}/pay", await pay("42"), 400);

  await contract.check("GET", "/orders", await request.get(`${api}/orders?status=lost`, { headers: auth }), 400);
  await contract.check("GET", "/orders", await request.get(`${api}/orders`), 401);
  const list = (await contract.check(
    "GET",
    "/orders",
    await request.get(`${api}/orders?limit=5`, { headers: auth }),
    200,
  )) as {
    items: { id: string }[];
  };
  expect(list.items.map((entry) => entry.id)).toContain(placed.id);
  await contract.check("GET", "/orders/{id}", await request.get(`${api}/orders/${placed.id}`, { headers: auth }), 200);
  await contract.check(
    "GET",
    "/orders/{id}",
    await request.get(`${api}/orders/${randomUUID()}`, { headers: auth }),
    404,
  );
  await contract.check("GET", "/orders/{id}", await request.get(`${api}/orders/42`, { headers: auth }), 400);
  await contract.check(
    "DELETE",
    "/orders/{id}",
    await request.delete(`${api}/orders/${placed.id}`, { headers: auth }),
    200,
  );
  await contract.check(
    "DELETE",
    "/orders/{id}",
    await request.delete(`${api}/orders/${placed.id}`, { headers: auth }),
    409,
  );
  await contract.check(
    "DELETE",
    "/orders/{id}",
    await request.delete(`${api}/orders/${randomUUID()}`, { headers: auth }),
    404,
  );
  await contract.check("POST", "/orders/{id}/pay", await pay(placed.id), 409);
  // The plant is still in the cart; leave the shop as the other tests expect it.
  await request.delete(`${api}/cart`, { headers: auth });

  // Pricing before ordering, and the address book.
  await contract.check(
    "GET",
    "/checkout/quote",
    await request.get(`${api}/checkout/quote?country=DE&shippingMethod=express&discountCode=welcome10`, {
      headers: auth,
    }),
    200,
  );
  await contract.check(
    "GET",
    "/checkout/quote",
    await request.get(`${api}/checkout/quote?country=XX`, { headers: auth }),
    400,
  );
  const addresses = `${api}/account/addresses`;
  const saved = (await contract.check(
    "POST",
    "/account/addresses",
    await request.post(addresses, { headers: auth, data: shipTo.shippingAddress }),
    201,
  )) as { id: string };
  await contract.check(
    "POST",
    "/account/addresses",
    await request.post(addresses, { headers: auth, data: { ...shipTo.shippingAddress, postalCode: "ABC" } }),
    400,
  );
  await contract.check("GET", "/account/addresses", await request.get(addresses, { headers: auth }), 200);
  await contract.check("GET", "/account/addresses", await request.get(addresses), 401);
  const moved = { ...shipTo.shippingAddress, city: "Oakland", postalCode: "94607" };
  await contract.check(
    "PUT",
    "/account/addresses/{id}",
    await request.put(`${addresses}/${saved.id}`, { headers: auth, data: { address: moved } }),
    200,
  );
  await contract.check(
    "PUT",
    "/account/addresses/{id}",
    await request.put(`${addresses}/${randomUUID()}`, { headers: auth, data: { address: moved } }),
    404,
  );
  await contract.check(
    "DELETE",
    "/account/addresses/{id}",
    await request.delete(`${addresses}/${saved.id}`, { headers: auth }),
    200,
  );
  await contract.check(
    "DELETE",
    "/account/addresses/{id}",
    await request.delete(`${addresses}/${saved.id}`, { headers: auth }),
    404,
  );

  // Discount codes, by the demo admin's token; a customer's token is refused.
  const { token: adminToken } = (await (
    await request.post(`${api}/auth/token`, {
      data: { email: ADMIN.email, password: ADMIN.password, scopes: ["admin"], name: "contract admin" },
    })
  ).json()) as { token: string };
  const asAdmin = { authorization: `Bearer ${adminToken}` };
  const discounts = `${api}/admin/discounts`;
  const code = `CONTRACT-${randomUUID().slice(0, 8).toUpperCase()}`;
  const created = (await contract.check(
    "POST",
    "/admin/discounts",
    await request.post(discounts, { headers: asAdmin, data: { code, kind: "percent", value: 15, usageLimit: 5 } }),
    201,
  )) as { id: string };
  await contract.check(
    "POST",
    "/admin/discounts",
    await request.post(discounts, { headers: asAdmin, data: { code, kind: "percent", value: 15 } }),
    409,
  );
  await contract.check("GET", "/admin/discounts", await request.get(discounts, { headers: asAdmin }), 200);
  await contract.check("GET", "/admin/discounts", await request.get(discounts, { headers: auth }), 403);
  await contract.check(
    "GET",
    "/admin/discounts/{id}",
    await request.get(`${discounts}/${created.id}`, { headers: asAdmin }),
    200,
  );
  await contract.check(
    "GET",
    "/admin/discounts/{id}",
    await request.get(`${discounts}/${randomUUID()}`, { headers: asAdmin }),
    404,
  );
  for (const action of ["pause", "resume"] as const) {
    await contract.check(
      "POST",
      `/admin/discounts/{id}/${action}`,
      await request.post(`${discounts}/${created.id}/${action}`, { headers: asAdmin }),
      200,
    );
    await contract.check(
      "POST",
      `/admin/discounts/{id}/${action}`,
      await request.post(`${discounts}/${created.id}/${action}`, { headers: auth }),
      403,
    );
  }

  // The account's data: only a token given the account scope exports or deletes it.
  const { token: accountToken } = (await (
    await request.post(`${api}/auth/token`, { data: { email, password, scopes: ["read", "account"] } })
  ).json()) as { token: string };
  const withAccount = { authorization: `Bearer ${accountToken}` };
  await contract.check("GET", "/account/export", await request.get(`${api}/account/export`, { headers: auth }), 403);
  const exported = (await contract.check(
    "GET",
    "/account/export",
    await request.get(`${api}/account/export`, { headers: withAccount }),
    200,
  )) as { account: { email: string } };
  expect(exported.account.email).toBe(email);
  await contract.check("DELETE", "/account", await request.delete(`${api}/account`, { headers: auth }), 403);

  // Links from the mail the shop sent (the suite's server mails to a catcher on loopback).
  const linkToken = (mail: CaughtMail, path: string) => new URL(linkIn(mail, path)).searchParams.get("token") ?? "";
  const verifyMail = await waitForMailTo(email, (mail) => mail.text.includes("/verify-email"));
  await contract.check("POST", "/auth/verify-email", await request.post(`${api}/auth/verify-email`, { data: {} }), 400);
  await contract.check(
    "POST",
    "/auth/verify-email",
    await request.post(`${api}/auth/verify-email`, { data: { token: linkToken(verifyMail, "/verify-email") } }),
    200,
  );
  await contract.check(
    "POST",
    "/auth/password-reset",
    await request.post(`${api}/auth/password-reset`, { data: { email: "not an address" } }),
    400,
  );
  await contract.check(
    "POST",
    "/auth/password-reset",
    await request.post(`${api}/auth/password-reset`, { data: { email } }),
    200,
  );
  const resetMail = await waitForMailTo(email, (mail) => mail.text.includes("/reset-password"));
  const resetToken = linkToken(resetMail, "/reset-password");
  const newPassword = "another long password";
  await contract.check(
    "POST",
    "/auth/password-reset/confirm",
    await request.post(`${api}/auth/password-reset/confirm`, { data: { token: resetToken, password: newPassword } }),
    200,
  );
  await contract.check(
    "POST",
    "/auth/password-reset/confirm",
    await request.post(`${api}/auth/password-reset/confirm`, { data: { token: resetToken, password: newPassword } }),
    400,
  );
  // The reset revoked every token: a new one, with the new password, deletes the account.
  await contract.check("DELETE", "/account", await request.delete(`${api}/account`, { headers: withAccount }), 401);
  const { token: fresh } = (await (
    await request.post(`${api}/auth/token`, { data: { email, password: newPassword, scopes: ["account"] } })
  ).json()) as { token: string };
  await contract.check(
    "DELETE",
    "/account",
    await request.delete(`${api}/account`, { headers: { authorization: `Bearer ${fresh}` } }),
    200,
  );

  // Every operation the document publishes was called, with a success and a failure.
  for (const operation of contract.operations()) {
    const statuses = [...(contract.seen.get(operation) ?? [])];
    expect(
      statuses.some((status) => status < 300),
      `${operation} never succeeded`,
    ).toBe(true);
    expect(
      statuses.some((status) => status >= 400),
      `${operation} never failed`,
    ).toBe(true);
  }
});

test("the API reference page renders the document from the app itself", async ({ page }) => {
  const external: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith("http://localhost")) external.push(request.url());
  });
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") violations.push(message.text());
  });
  await page.goto("/api/docs");
  await expect(page.getByRole("heading", { name: /Storefront API/ })).toBeVisible();
  await expect(page.getByText("/orders/{id}").first()).toBeVisible();
  expect(external).toEqual([]);
  expect(violations).toEqual([]);
});
