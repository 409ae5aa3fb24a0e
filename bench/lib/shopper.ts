import { randomUUID } from "node:crypto";
import { shipTo } from "../../tests/support/shipping";

/** Signs a demo account in through Auth.js, as a browser would, and returns its session cookie. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ email, password, csrfToken }),
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in failed with status ${response.status}`);
  return session.split(";")[0] ?? "";
}

async function mutate(origin: string, cookie: string, procedure: string, input: unknown): Promise<void> {
  const response = await fetch(`${origin}/api/trpc/${procedure}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin },
    body: JSON.stringify(input),
  });
  if (!response.ok) throw new Error(`${procedure} answered ${response.status}: ${await response.text()}`);
}

/** Orders one of `productId` `count` times through the real cart and checkout (left awaiting payment), so orders.list has rows. */
export async function placeOrders(origin: string, cookie: string, productId: string, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    await mutate(origin, cookie, "cart.setItem", { productId, quantity: 1 });
    await mutate(origin, cookie, "checkout.placeOrder", { idempotencyKey: randomUUID(), ...shipTo });
  }
}
