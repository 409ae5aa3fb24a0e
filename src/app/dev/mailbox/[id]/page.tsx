import Link from "next/link";
import { notFound } from "next/navigation";
import { isProduction } from "@/env";
import { formatDateTime } from "@/lib/format-date";
import { devMailboxMessage } from "@/server/mail/dev-mailbox";

export const metadata = { title: "Development mailbox" };

// No scripts and no access to this page, but a developer can follow the mail's links (they open a new tab).
const FRAME_SANDBOX = "allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation";

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  if (isProduction) notFound();
  const mail = await devMailboxMessage((await params).id);
  if (!mail) notFound();
  return (
    <div className="stack">
      <nav className="breadcrumbs" aria-label="Breadcrumb" style={{ marginBottom: 0 }}>
        <Link href="/dev/mailbox">Development mailbox</Link> / <span aria-current="page">{mail.subject}</span>
      </nav>
      <h1 style={{ margin: 0 }}>{mail.subject}</h1>
      <dl className="details panel">
        <dt>From</dt>
        <dd>{mail.sender}</dd>
        <dt>To</dt>
        <dd>{mail.recipient}</dd>
        <dt>Received</dt>
        <dd>{formatDateTime(mail.createdAt.toISOString())}</dd>
        <dt>Message-ID</dt>
        <dd style={{ overflowWrap: "anywhere" }}>{mail.messageId}</dd>
      </dl>
      <iframe
        title="The mail as HTML"
        srcDoc={mail.html}
        sandbox={FRAME_SANDBOX}
        style={{ width: "100%", height: "40rem", border: "1px solid var(--border)", borderRadius: "var(--radius)" }}
      />
      <h2 style={{ margin: 0 }}>Plain text</h2>
      <pre className="token-value" style={{ whiteSpace: "pre-wrap", margin: 0 }} data-testid="mailbox-text">
        {mail.text}
      </pre>
    </div>
  );
}
