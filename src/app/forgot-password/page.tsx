import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <section className="auth-card" aria-labelledby="forgot-password-title">
      <h1 id="forgot-password-title">Forgot your password?</h1>
      <p>Enter the email address of your account and we will mail you a link to choose a new password.</p>
      <ForgotPasswordForm />
      <p>
        Remembered it? <Link href="/sign-in">Sign in</Link>
      </p>
    </section>
  );
}
