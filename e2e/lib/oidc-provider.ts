import { createServer, type Server } from "node:http";
import Provider from "oidc-provider";
import { e2eOidc } from "./server-env";

/** The provider's test people, by what is typed into its login field. */
export const OIDC_PEOPLE = {
  olivia: { email: "olivia.oidc@example.test", email_verified: true, name: "Olivia from SSO" },
  // Same address as the demo shopper in other letter case, verified: links to that account.
  sam: { email: "Shopper@Storefront.TEST", email_verified: true, name: "Sam via SSO" },
  // Same address as the demo admin, but the provider has not verified it: refused.
  mallory: { email: "admin@storefront.test", email_verified: false, name: "Mallory" },
  // Verified, with an address no shop account has: linked to a signed-in account from its account page.
  lee: { email: "lee.oidc@example.test", email_verified: true, name: "Lee via SSO" },
  // An attacker's own provider account, offered while a victim's cookie is in the browser.
  eve: { email: "eve.oidc@example.test", email_verified: true, name: "Eve" },
} as const;

type Person = keyof typeof OIDC_PEOPLE;

export interface RunningProvider {
  issuer: string;
  close: () => Promise<void>;
}

/**
 * A real OpenID Provider (panva/oidc-provider) on 127.0.0.1, with its own
 * login and consent pages, for the app to sign in against. Nothing is mocked:
 * the app discovers it, redirects the browser to it, exchanges the code with
 * PKCE, state and nonce, and verifies its signed ID token.
 */
export async function startOidcProvider(appOrigin: string): Promise<RunningProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(e2eOidc.port, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${e2eOidc.port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: e2eOidc.clientId,
        client_secret: e2eOidc.clientSecret,
        redirect_uris: [`${appOrigin}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Email claims in the ID token too, as most real providers do; Auth.js reads the ID token.
    conformIdTokenClaims: false,
    cookies: { keys: ["e2e-only-cookie-key"] },
    async findAccount(_context, id) {
      if (!(id in OIDC_PEOPLE)) return undefined;
      const person = OIDC_PEOPLE[id as Person];
      return { accountId: id, claims: async () => ({ sub: id, ...person }) };
    },
  });
  server.on("request", provider.callback());
  return {
    issuer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
