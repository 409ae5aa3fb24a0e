import { signInWithProviderAction, signOutAction } from "@/app/auth-actions";
import { AddressBook } from "@/components/account/address-book";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { EmailSettings } from "@/components/account/email-settings";
import { ExportDataButton } from "@/components/account/export-data-button";
import { MailPreferencesForm } from "@/components/account/mail-preferences-form";
import { SignInMethods } from "@/components/account/sign-in-methods";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { TokenManager } from "@/components/account/token-manager";
import { enabledIdentityProviders } from "@/server/auth/identity-providers";
import { requireActor } from "@/server/auth/require-actor";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";

export const metadata = { title: "Your account" };

// What a refused provider link reports back (?error=…).
const linkErrors: Record<string, string> = {
  LinkNotConfirmed:
    "That provider account was not linked: confirm your password below first, then link it within ten minutes.",
};

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  const actor = await requireActor("/account");
  const { error } = await searchParams;
  const linkError = linkErrors[Array.isArray(error) ? (error[0] ?? "") : (error ?? "")] ?? null;
  const [{ hasPassword }] = await Promise.all([
    getQueryClient().fetchQuery(trpc.account.me.queryOptions()),
    getQueryClient().prefetchQuery(trpc.account.tokens.list.queryOptions()),
    getQueryClient().prefetchQuery(trpc.account.signInMethods.list.queryOptions()),
    getQueryClient().prefetchQuery(trpc.account.mailPreferences.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <h1>Your account</h1>
      <div className="account-sections">
        <section className="panel" aria-labelledby="profile-heading">
          <h2 id="profile-heading" style={{ marginTop: 0 }}>
            Profile
          </h2>
          <dl className="details" data-testid="profile">
            <dt>Name</dt>
            <dd>{actor.name}</dd>
            <dt>Email</dt>
            <dd>{actor.email}</dd>
            <dt>Role</dt>
            <dd>{actor.role === "admin" ? "Administrator" : "Customer"}</dd>
          </dl>
        </section>
        <AddressBook />
        <EmailSettings />
        <section className="panel stack" aria-labelledby="security-heading">
          <h2 id="security-heading" style={{ marginTop: 0 }}>
            Password and sessions
          </h2>
          <ChangePasswordForm hasPassword={hasPassword} />
          <SignOutEverywhere signOutAction={signOutAction} />
        </section>
        <SignInMethods
          available={enabledIdentityProviders()}
          linkError={linkError}
          signInWithProviderAction={signInWithProviderAction}
        />
        <TokenManager isAdmin={actor.role === "admin"} />
        <section className="panel stack" aria-labelledby="data-heading">
          <h2 id="data-heading" style={{ marginTop: 0 }}>
            Mail and your data
          </h2>
          <MailPreferencesForm />
          <ExportDataButton />
          {actor.role === "admin" ? (
            <p className="stock">
              Administrator accounts cannot be deleted: have another administrator demote you first.
            </p>
          ) : (
            <DeleteAccountForm signOutAction={signOutAction} />
          )}
        </section>
      </div>
    </HydrateClient>
  );
}
