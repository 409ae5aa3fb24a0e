"use server";

import { AuthError } from "next-auth";
import { cookies, headers } from "next/headers";
import { z } from "zod";
import { signInInput } from "@/lib/contracts/account";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { env } from "@/env";
import { signIn, signOut } from "@/server/auth/auth";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_SECONDS, deviceNoteFor } from "@/server/auth/trusted-device";
import type { SignInState } from "@/components/auth/action-types";

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const parsed = signInInput.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    // On success signIn sets the session cookie and throws Next's redirect, which must propagate.
    await signIn("credentials", { ...parsed.data, redirectTo: safeRedirectPath(form.get("callbackUrl")) });
    return {};
  } catch (error) {
    if (!(error instanceof AuthError)) {
      if (isRedirect(error)) await rememberDevice(parsed.data.email);
      throw error;
    }
    const rateLimited = "code" in error && error.code === "rate_limited";
    return {
      error: rateLimited
        ? "Too many sign-in attempts. Wait a few minutes and try again, or sign in from a device you have used here before."
        : "Wrong email or password.",
    };
  }
}

/** Next's redirect, which signIn throws on success. */
function isRedirect(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && digest.startsWith("NEXT_REDIRECT");
}

/** This browser has now signed in to the account: its failed sign-ins get a budget of their own from now on. */
async function rememberDevice(email: string): Promise<void> {
  const forwarded = (await headers()).get("x-forwarded-proto");
  const secure = forwarded === "https" || Boolean(env.AUTH_URL?.startsWith("https:"));
  (await cookies()).set(DEVICE_COOKIE, deviceNoteFor(email), {
    path: "/",
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
    httpOnly: true,
    sameSite: "lax",
    secure,
  });
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
