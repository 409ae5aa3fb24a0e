import { randomUUID } from "node:crypto";
import createClient from "openapi-fetch";
import type { paths } from "../api/storefront-api";

/** The typed REST client a partner would generate from /api/openapi.json. */
export type RestClient = ReturnType<typeof createClient<paths>>;

export function restClient(baseURL: string): RestClient {
  return createClient<paths>({ baseUrl: `${baseURL}/api/v1` });
}

/** A new customer account (signed up through tRPC, as the sign-up page does) and a bearer token for it. */
export async function newTokenBuyer(baseURL: string, client: RestClient): Promise<{ authorization: string }> {
  const email = `buyer-${randomUUID()}@example.test`;
  const password = "a long password";
  const signUp = await fetch(`${baseURL}/api/trpc/auth.signUp`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password, name: "Load Buyer" }),
  });
  if (!signUp.ok) throw new Error(`sign-up answered ${signUp.status}: ${await signUp.text()}`);
  const { data, error } = await client.POST("/auth/token", { body: { email, password, name: "load test" } });
  if (!data) throw new Error(`token answered ${JSON.stringify(error)}`);
  return { authorization: `Bearer ${data.token}` };
}
