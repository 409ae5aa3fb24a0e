import Link from "next/link";
import { redirect } from "next/navigation";
import { ProviderButtons } from "@/components/auth/provider-buttons";
import { SignInForm } from "@/components/auth/sign-in-form";
import { signInAction, signInWithProviderAction, signOutAction } from "@/app/auth-actions";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { getCurrentActor } from "@/server/auth/current-actor";
import { enabledIdentityProviders } from "@/server/auth/identity-providers";

export const metadata = { title: "Sign in" };

interface SignInPageProps {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;
}

// What Auth.js reports back (?error=…) when an identity-provider sign-in is refused.
const providerErrors: Record<string, string> = {
  AccessDenied: "That account could not be used: its email address is not verified, or the account is disabled.",
  OAuthAccountNotLinked: "That email address belongs to another account. Sign in with your password first.",
  AccountExists:
    "An account with that email address already exists. Sign in with your password, then link the provider on your account page.",
  SessionEnded:
    "This browser still holds a session that has ended. Clear it, then sign in again before linking a provider.",
  Configuration: "Sign-in with that provider is not working right now. Try again later or use your password.",
};

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const params = await searchParams;
  const callbackUrl = safeRedirectPath(params.callbackUrl);
  if (await getCurrentActor()) redirect(callbackUrl);
  const errorCode = Array.isArray(params.error) ? params.error[0] : params.error;
  const providerError =
    errorCode && errorCode !== "CredentialsSignin" ? (providerErrors[errorCode] ?? providerErrors.Configuration) : null;
  return (
    <section className="auth-card" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      {providerError ? (
        <p className="notice notice--error" data-testid="provider-error">
          {providerError}
        </p>
      ) : null}
      {errorCode === "SessionEnded" ? (
        <form action={signOutAction}>
          <button type="submit" className="button button--secondary">
            Clear the ended session
          </button>
        </form>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} signInAction={signInAction} />
      <p>
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      <ProviderButtons
        providers={enabledIdentityProviders()}
        callbackUrl={callbackUrl}
        signInWithProviderAction={signInWithProviderAction}
      />
      <p>
        New here? <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Create an account</Link>
      </p>
    </section>
  );
}
