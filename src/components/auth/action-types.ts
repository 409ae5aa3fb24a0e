/**
 * The auth server actions, as the components that use them see them. Pages pass
 * the actions in (src/app/auth-actions.ts) so that UI code never imports them:
 * the components stay below the routes and free of server code.
 */

export interface SignInState {
  error?: string;
  fieldErrors?: Partial<Record<"email" | "password", string[]>>;
}

/** Signs in with the form's email and password; on success it redirects instead of returning. */
export type SignInAction = (previous: SignInState, form: FormData) => Promise<SignInState>;

/** Sends the browser to the identity provider named by the form's `provider` field. */
export type ProviderSignInAction = (form: FormData) => Promise<void>;

export type SignOutAction = () => Promise<void>;
