import { desc, eq } from "drizzle-orm";
import { mailboxMessages } from "../db/schema";
import type { Db, DbOrTx } from "../db/types";
import type { OutgoingMail } from "./outgoing-mail";

export type MailboxMessage = typeof mailboxMessages.$inferSelect;
export type MailboxEntry = Pick<MailboxMessage, "messageId" | "sender" | "recipient" | "subject" | "createdAt">;

/** The newest mails the list shows; older ones stay in the table. */
export const MAILBOX_LIST_LIMIT = 200;

/** Keeps a mail in the development mailbox; the same Message-ID twice is kept once. */
export async function keepInMailbox(db: DbOrTx, mail: OutgoingMail): Promise<void> {
  await db
    .insert(mailboxMessages)
    .values({
      messageId: mail.messageId,
      sender: mail.from,
      recipient: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
    })
    .onConflictDoNothing({ target: mailboxMessages.messageId });
}

export async function listMailbox(db: Db): Promise<MailboxEntry[]> {
  return db
    .select({
      messageId: mailboxMessages.messageId,
      sender: mailboxMessages.sender,
      recipient: mailboxMessages.recipient,
      subject: mailboxMessages.subject,
      createdAt: mailboxMessages.createdAt,
    })
    .from(mailboxMessages)
    .orderBy(desc(mailboxMessages.createdAt), desc(mailboxMessages.messageId))
    .limit(MAILBOX_LIST_LIMIT);
}

export async function findInMailbox(db: Db, messageId: string): Promise<MailboxMessage | null> {
  const [message] = await db.select().from(mailboxMessages).where(eq(mailboxMessages.messageId, messageId));
  return message ?? null;
}

// A Message-ID holds <, > and @: base64url keeps the page address plain whatever the router decodes.
export function mailboxPath(messageId: string): string {
  return `/dev/mailbox/${Buffer.from(messageId).toString("base64url")}`;
}

export function messageIdFromMailboxPath(segment: string): string {
  return Buffer.from(segment, "base64url").toString();
}
