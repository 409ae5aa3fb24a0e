import Link from "next/link";
import { notFound } from "next/navigation";
import { TestCardForm } from "@/components/test-provider/card-form";
import { formatDateTime } from "@/lib/format-date";
import { formatMoney } from "@/lib/money";
import { TEST_CARDS, testPaymentView, type TestPaymentView } from "@/server/payments/test-provider/hosted-page";
import { confirmTestAuthentication, failTestAuthentication, payWithTestCard } from "./actions";

export const metadata = { title: "Test payment", robots: { index: false } };

const spaced = (digits: string) => digits.replace(/(\d{4})(?=\d)/g, "$1 ");

function TestCards({ delaySeconds }: { delaySeconds: number }) {
  const rows = [
    [TEST_CARDS.approved, "Approved"],
    [TEST_CARDS.declined, "Declined"],
    [TEST_CARDS.authenticate, "Asks for an extra confirmation step first"],
    [TEST_CARDS.delayed, `Approved after ${delaySeconds} seconds`],
  ] as const;
  return (
    <details className="panel" data-testid="test-cards">
      <summary>Test cards (any future expiry, any 3-digit code)</summary>
      <ul>
        {rows.map(([number, meaning]) => (
          <li key={number}>
            <code>{spaced(number)}</code>: {meaning}
          </li>
        ))}
      </ul>
    </details>
  );
}

function Outcome({ view }: { view: TestPaymentView }) {
  const back = (label: string, href: string) => (
    <p>
      <Link className="button" href={href} data-testid="return-to-shop">
        {label}
      </Link>
    </p>
  );
  switch (view.status) {
    case "succeeded":
      return (
        <>
          <p className="notice notice--success" role="status">
            Paid with the card ending {view.cardLast4}.
          </p>
          {back(`Return to ${view.merchant}`, view.returnUrl)}
        </>
      );
    case "processing":
      return (
        <>
          <p className="notice" role="status">
            The payment is processing; {view.merchant} is told when it completes.
          </p>
          {back(`Return to ${view.merchant}`, view.returnUrl)}
        </>
      );
    case "failed":
      return (
        <>
          <p className="notice notice--error" role="alert" data-testid="payment-declined">
            {view.failureReason === "authentication_failed"
              ? "The payment was not confirmed, so the card was not charged."
              : `The card ending ${view.cardLast4} was declined. Nothing was charged.`}
          </p>
          {back(`Return to ${view.merchant}`, view.returnUrl)}
        </>
      );
    case "expired":
      return (
        <>
          <p className="notice notice--error" role="alert">
            This payment page has expired. Nothing was charged.
          </p>
          {back(`Return to ${view.merchant}`, view.cancelUrl)}
        </>
      );
    case "requires_action":
      return (
        <div className="stack" data-testid="authentication-step">
          <p>Your bank asks you to confirm this payment with the card ending {view.cardLast4}.</p>
          <div className="row">
            <form action={confirmTestAuthentication.bind(null, view.id)}>
              <button type="submit" className="button">
                Confirm payment
              </button>
            </form>
            <form action={failTestAuthentication.bind(null, view.id)}>
              <button type="submit" className="button button--secondary">
                Fail confirmation
              </button>
            </form>
          </div>
        </div>
      );
    case "open":
      return null;
  }
}

export default async function TestPaymentPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const view = await testPaymentView((await params).sessionId);
  if (!view) notFound();
  const amount = formatMoney(view.amountCents, view.currency);
  return (
    <section className="auth-card stack" aria-labelledby="test-payment-title">
      <p className="notice" role="note" data-testid="test-mode">
        <strong>TEST MODE</strong> · This is the built-in test payment provider. No money moves; only the test cards
        below are taken.
      </p>
      <div>
        <h1 id="test-payment-title" style={{ marginBottom: "0.25rem" }}>
          Pay {view.merchant}
        </h1>
        <p className="stock" style={{ margin: 0 }}>
          {view.description} · <strong data-testid="payment-amount">{amount}</strong>
        </p>
      </div>
      {view.status === "open" ? (
        <>
          <TestCardForm action={payWithTestCard.bind(null, view.id)} payLabel={`Pay ${amount}`} />
          <p className="stock">This page closes {formatDateTime(view.expiresAt)}.</p>
          <TestCards delaySeconds={view.delaySeconds} />
          <p>
            <Link href={view.cancelUrl}>Cancel and return to {view.merchant}</Link>
          </p>
        </>
      ) : (
        <Outcome view={view} />
      )}
    </section>
  );
}
