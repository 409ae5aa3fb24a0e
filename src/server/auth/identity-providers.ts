import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import { env } from "@/env";

/** What the sign-in page shows: one button per provider whose settings are present. */
export interface IdentityProviderButton {
  id: "github" | "oidc";
  name: string;
}

export function enabledIdentityProviders(): IdentityProviderButton[] {
  const buttons: IdentityProviderButton[] = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) buttons.push({ id: "github", name: providerName("github") });
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET) {
    buttons.push({ id: "oidc", name: providerName("oidc") });
  }
  return buttons;
}

/** The name the shop shows for a provider id (also for one linked while it was configured and no longer is). */
export function providerName(id: string): string {
  if (id === "github") return "GitHub";
  if (id === "oidc") return env.AUTH_OIDC_NAME;
  return id;
}

interface OidcClaims {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  preferred_username?: string;
  picture?: string;
}

interface GitHubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

const GITHUB_API = "https://api.github.com";

/**
 * GitHub's stock provider may pick an unverified address; this one asks for
 * the primary address and reports whether GitHub verified it, so only a
 * verified email can link to an existing account.
 */
function github(clientId: string, clientSecret: string): Provider {
  return GitHub({
    clientId,
    clientSecret,
    allowDangerousEmailAccountLinking: true,
    userinfo: {
      url: `${GITHUB_API}/user`,
      async request({ tokens }: { tokens: { access_token?: string } }) {
        const headers = { Authorization: `Bearer ${tokens.access_token}`, "User-Agent": "storefront" };
        const profile = (await (await fetch(`${GITHUB_API}/user`, { headers })).json()) as Record<string, unknown>;
        const response = await fetch(`${GITHUB_API}/user/emails`, { headers });
        const emails = response.ok ? ((await response.json()) as GitHubEmail[]) : [];
        const primary = emails.find((entry) => entry.primary && entry.verified);
        // Lowercased like every email the shop stores, so `Ann@x` links to the account of `ann@x`.
        return { ...profile, email: primary?.email.toLowerCase() ?? null, email_verified: Boolean(primary) };
      },
    },
  });
}

function oidc(issuer: string, clientId: string, clientSecret: string, name: string): Provider {
  return {
    id: "oidc",
    name,
    type: "oidc",
    issuer,
    clientId,
    clientSecret,
    checks: ["pkce", "state", "nonce"],
    // Linking by email is safe only because signIn (auth.ts) refuses addresses the provider has not verified.
    allowDangerousEmailAccountLinking: true,
    profile: (claims: OidcClaims) => ({
      id: claims.sub,
      name: claims.name ?? claims.preferred_username ?? claims.email ?? "Shopper",
      email: claims.email?.toLowerCase(),
      image: claims.picture ?? null,
    }),
  };
}

/** The identity providers configured in the environment; none when their settings are absent. */
export function identityProviders(): Provider[] {
  const providers: Provider[] = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) providers.push(github(env.AUTH_GITHUB_ID, env.AUTH_GITHUB_SECRET));
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET) {
    providers.push(oidc(env.AUTH_OIDC_ISSUER, env.AUTH_OIDC_ID, env.AUTH_OIDC_SECRET, env.AUTH_OIDC_NAME));
  }
  return providers;
}
