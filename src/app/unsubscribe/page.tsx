import Link from "next/link";
import { firstParam } from "@/lib/first-param";

export const metadata = { title: "Unsubscribe" };

interface UnsubscribePageProps {
  searchParams: Promise<{ token?: string | string[]; done?: string; invalid?: string }>;
}

export default async function UnsubscribePage({ searchParams }: UnsubscribePageProps) {
  const params = await searchParams;
  const token = firstParam(params.token);
  return (
    <section className="auth-card" aria-labelledby="unsubscribe-title">
      <h1 id="unsubscribe-title">Order update mail</h1>
      {params.done ? (
        <p className="notice" role="status">
          Done: you will no longer get shipped and delivered notices. Order confirmations, cancellations and security
          mail still arrive. You can turn updates back on from <Link href="/account">your account</Link>.
        </p>
      ) : params.invalid || !token ? (
        <p className="notice notice--error" role="alert">
          This unsubscribe link is not valid. Sign in and choose which mail you get on{" "}
          <Link href="/account">your account page</Link>.
        </p>
      ) : (
        <form method="post" action={`/api/mail/unsubscribe?token=${encodeURIComponent(token)}`}>
          <p>Stop the mails that tell you an order was shipped or delivered?</p>
          <button type="submit" className="button">
            Unsubscribe
          </button>
        </form>
      )}
    </section>
  );
}
