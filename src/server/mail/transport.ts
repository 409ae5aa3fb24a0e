import { logger } from "../observability/logger";
import { shopLink } from "./links";
import { keepInMailbox, mailboxPath } from "./mailbox";
import type { MailSettings } from "./mail-settings";
import type { MailTransport } from "./outgoing-mail";
import { smtpTransport } from "./smtp-transport";

// Bodies and links never reach the log: reset and verification links carry secrets.

const mailboxTransport: MailTransport = async (db, mail) => {
  await keepInMailbox(db, mail);
  // One line a developer can click: the fields would print on lines of their own in the pretty log.
  logger.info(`mail to ${mail.to} kept in the development mailbox: ${shopLink(mailboxPath(mail.messageId))}`);
};

const logTransport: MailTransport = async (_db, mail) => {
  logger.info(
    { to: mail.to, subject: mail.subject, kind: mail.kind, messageId: mail.messageId },
    "mail not sent: MAIL_TRANSPORT=log",
  );
};

export function transportFor(settings: MailSettings): MailTransport {
  switch (settings.transport) {
    case "smtp":
      return smtpTransport(settings.smtpUrl);
    case "mailbox":
      return mailboxTransport;
    case "log":
      return logTransport;
  }
}
