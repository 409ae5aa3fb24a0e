"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signInInput } from "@/lib/contracts/account";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { signIn, signOut } from "@/server/auth/auth";

export interface SignInState {
  error?: string;
  fieldErrors?: Partial<Record<"email" | "password", string[]>>;
}

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const parsed = signInInput.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    // On success signIn sets the session cookie and throws Next's redirect, which must propagate.
    await signIn("credentials", { ...parsed.data, redirectTo: safeRedirectPath(form.get("callbackUrl")) });
    return {};
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const rateLimited = "code" in error && error.code === "rate_limited";
    return {
      error: rateLimited ? "Too many sign-in attempts. Wait a few minutes and try again." : "Wrong email or password.",
    };
  }
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

const providerIds = z.enum(["github", "oidc"]);

/** Starts a sign-in with GitHub or the OpenID Connect provider; Auth.js redirects to it. */
export async function signInWithProviderAction(form: FormData): Promise<void> {
  const provider = providerIds.safeParse(form.get("provider"));
  if (!provider.success) return;
  await signIn(provider.data, { redirectTo: safeRedirectPath(form.get("callbackUrl")) });
}
