import type { Metadata } from "next";
import Link from "next/link";
import { firstParam } from "@/lib/first-param";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

// The address holds the token: no referrer, so it never travels on to another page.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

interface ResetPasswordPageProps {
  searchParams: Promise<{ token?: string | string[] }>;
}

export default async function ResetPasswordPage({ searchParams }: ResetPasswordPageProps) {
  const { token } = await searchParams;
  const linkToken = firstParam(token);
  return (
    <section className="auth-card" aria-labelledby="reset-password-title">
      <h1 id="reset-password-title">Choose a new password</h1>
      {linkToken ? (
        <ResetPasswordForm token={linkToken} />
      ) : (
        <p className="notice notice--error" role="alert">
          This link is incomplete: open the whole link from the mail, or{" "}
          <Link href="/forgot-password">ask for a new one</Link>.
        </p>
      )}
    </section>
  );
}
