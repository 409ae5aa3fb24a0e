import Link from "next/link";
import { notFound } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { isProduction } from "@/env";
import { formatDateTime } from "@/lib/format-date";
import { devMailbox } from "@/server/mail/dev-mailbox";
import { MAILBOX_LIST_LIMIT, mailboxPath } from "@/server/mail/mailbox";

export const metadata = { title: "Development mailbox" };

export default async function MailboxPage() {
  if (isProduction) notFound();
  const mails = await devMailbox();
  return (
    <div className="stack">
      <div>
        <h1>Development mailbox</h1>
        <p className="stock">
          Mail the shop sends in development lands here instead of going out (MAIL_TRANSPORT=mailbox). Newest first, the
          latest {MAILBOX_LIST_LIMIT}.
        </p>
      </div>
      {mails.length === 0 ? (
        <EmptyState testId="mailbox-empty" message="No mail yet — sign up or place an order and it appears here." />
      ) : (
        <div className="table-scroll">
          <table className="table table--stack">
            <thead>
              <tr>
                <th scope="col">To</th>
                <th scope="col">Subject</th>
                <th scope="col">Received</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((mail) => (
                <tr key={mail.messageId} data-testid="mailbox-row">
                  <td data-label="To">{mail.recipient}</td>
                  <td data-label="Subject">
                    <Link href={mailboxPath(mail.messageId)}>{mail.subject}</Link>
                  </td>
                  <td data-label="Received">{formatDateTime(mail.createdAt.toISOString())}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
