import type { Db } from "../db/types";
import type { MailKind } from "../queue/mail-kinds";

/** A rendered mail with its envelope and headers, ready for a transport. */
export interface OutgoingMail {
  kind: MailKind;
  /** With its angle brackets: `<key@host>`. */
  messageId: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Extra headers, such as List-Unsubscribe. */
  headers: Record<string, string>;
}

/** Hands a mail on (to SMTP, the development mailbox or the log); throws when it was not accepted. */
export type MailTransport = (db: Db, mail: OutgoingMail) => Promise<void>;
