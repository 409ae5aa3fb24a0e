import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { signInAction } from "@/app/auth-actions";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { getCurrentActor } from "@/server/auth/current-actor";

export const metadata = { title: "Create an account" };

interface SignUpPageProps {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}

export default async function SignUpPage({ searchParams }: SignUpPageProps) {
  const callbackUrl = safeRedirectPath((await searchParams).callbackUrl);
  if (await getCurrentActor()) redirect(callbackUrl);
  return (
    <section className="auth-card" aria-labelledby="sign-up-title">
      <h1 id="sign-up-title">Create an account</h1>
      <SignUpForm callbackUrl={callbackUrl} signInAction={signInAction} />
      <p>
        Already have an account? <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in</Link>
      </p>
    </section>
  );
}
