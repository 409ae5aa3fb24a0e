import type { Metadata } from "next";
import Link from "next/link";
import { firstParam } from "@/lib/first-param";
import { VerifyEmailForm } from "@/components/auth/verify-email-form";

// The address holds the token: no referrer, so it never travels on to another page.
export const metadata: Metadata = { title: "Verify your email address", referrer: "no-referrer" };

interface VerifyEmailPageProps {
  searchParams: Promise<{ token?: string | string[] }>;
}

export default async function VerifyEmailPage({ searchParams }: VerifyEmailPageProps) {
  const { token } = await searchParams;
  const linkToken = firstParam(token);
  return (
    <section className="auth-card" aria-labelledby="verify-email-title">
      <h1 id="verify-email-title">Verify your email address</h1>
      {linkToken ? (
        <VerifyEmailForm token={linkToken} />
      ) : (
        <p className="notice notice--error" role="alert">
          This link is incomplete: open the whole link from the mail, or sign in and{" "}
          <Link href="/account">send a new one from your account page</Link>.
        </p>
      )}
    </section>
  );
}
