import { signInWithProviderAction } from "@/app/auth-actions";

/** One button per configured identity provider; nothing at all when none is configured. */
export function ProviderButtons({
  providers,
  callbackUrl,
}: {
  providers: { id: string; name: string }[];
  callbackUrl: string;
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
