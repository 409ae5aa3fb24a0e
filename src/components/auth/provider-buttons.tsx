import type { ProviderSignInAction } from "./action-types";

/** One button per configured identity provider; nothing at all when none is configured. */
export function ProviderButtons({
  providers,
  callbackUrl,
  signInWithProviderAction,
}: {
  providers: { id: string; name: string }[];
  callbackUrl: string;
  signInWithProviderAction: ProviderSignInAction;
}) {
  if (providers.length === 0) return null;
  return (
    <div className="stack provider-buttons">
      <p className="divider">
        <span>or</span>
      </p>
      {providers.map((provider) => (
        <form key={provider.id} action={signInWithProviderAction}>
          <input type="hidden" name="provider" value={provider.id} />
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <button type="submit" className="button button--secondary" style={{ width: "100%" }}>
            Sign in with {provider.name}
          </button>
        </form>
      ))}
    </div>
  );
}
