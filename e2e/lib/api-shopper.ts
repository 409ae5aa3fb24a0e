import { shipTo } from "../../tests/support/shipping";
import { randomUUID } from "node:crypto";
import { expect, request, type APIRequestContext } from "@playwright/test";

interface TrpcResult<T> {
  result: { data: T };
}

/** Calls a tRPC procedure over HTTP as the browser client would (GET for queries, POST for mutations). */
export async function trpc<T>(api: APIRequestContext, path: string, input?: unknown, method: "GET" | "POST" = "POST") {
  const response =
    method === "GET"
      ? await api.get(`/api/trpc/${path}`, { params: input === undefined ? {} : { input: JSON.stringify(input) } })
      : await api.post(`/api/trpc/${path}`, { data: input ?? {} });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as TrpcResult<T>).result.data;
}

/** The session cookie an API context holds, as a `Cookie` header for a plain fetch or node:http request. */
export async function cookieHeader(api: APIRequestContext): Promise<string> {
  const { cookies } = await api.storageState();
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

/** An API context on `baseURL` holding the session cookie of an existing account, signed in through Auth.js. */
export async function signedInApi(
  baseURL: string,
  credentials: { email: string; password: string },
): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signIn = await api.post("/api/auth/callback/credentials", {
    form: { ...credentials, csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(signIn.status()).toBe(302);
  return api;
}

/** A new customer with a session cookie on `baseURL`: signed up through tRPC, signed in through Auth.js. */
export async function newShopper(baseURL: string): Promise<APIRequestContext> {
  const credentials = { email: `api-${randomUUID()}@example.test`, password: "a long password" };
  const signUp = await request.newContext({ baseURL });
  await trpc(signUp, "auth.signUp", { ...credentials, name: "API Shopper" });
  await signUp.dispose();
  return signedInApi(baseURL, credentials);
}

export async function productId(api: APIRequestContext, slug: string): Promise<string> {
  return (await trpc<{ id: string }>(api, "catalog.bySlug", { slug }, "GET")).id;
}

export interface PlacedOrder {
  order: { id: string; status: string };
  paymentUrl: string | null;
}

/** Puts `quantity` of one product in the cart and places the order: stock is held, the order awaits payment. */
export async function buy(
  api: APIRequestContext,
  product: string,
  quantity: number,
): Promise<{ id: string; paymentUrl: string }> {
  await trpc(api, "cart.setItem", { productId: product, quantity });
  const placed = await trpc<PlacedOrder>(api, "checkout.placeOrder", {
    idempotencyKey: randomUUID(),
    ...shipTo,
  });
  if (!placed.paymentUrl) throw new Error(`order ${placed.order.id} has no payment page`);
  return { id: placed.order.id, paymentUrl: placed.paymentUrl };
}

/** Waits until the order reaches `status` (the provider's webhook, an expiry), polling it as an API client would. */
export async function waitForOrderStatus(api: APIRequestContext, orderId: string, status: string, timeout = 20_000) {
  await expect
    .poll(async () => (await trpc<{ status: string }>(api, "orders.byId", { id: orderId }, "GET")).status, { timeout })
    .toBe(status);
}

/** The URL of a live.stock stream, as the browser's subscription link builds it. */
export function stockStreamUrl(baseURL: string, productIds: string[]): string {
  return `${baseURL}/api/trpc/live.stock?input=${encodeURIComponent(JSON.stringify({ productIds }))}`;
}
