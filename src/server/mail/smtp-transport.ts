import { createTransport, type Transporter } from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import { logger } from "../observability/logger";
import { SmtpDeliveryError } from "./smtp-delivery-error";
import type { MailTransport } from "./outgoing-mail";

// A dead or silent server fails the job within this long instead of holding it until the job timeout.
const TIMEOUT_MS = 10_000;

type SmtpTransporter = Transporter<SMTPTransport.SentMessageInfo>;

// One transporter per SMTP_URL for the process (Next evaluates modules once per bundle). Not pooled:
// each mail opens its own connection, so an idle process holds none that a server could drop unnoticed.
const store = globalThis as typeof globalThis & { __storefrontSmtp?: Map<string, SmtpTransporter> };

function transporterFor(smtpUrl: string): SmtpTransporter {
  store.__storefrontSmtp ??= new Map();
  let transporter = store.__storefrontSmtp.get(smtpUrl);
  if (!transporter) {
    // Options from the URL (including its query) win over these; nodemailer merges them in its transport.
    transporter = createTransport(
      new SMTPTransport({
        url: smtpUrl,
        connectionTimeout: TIMEOUT_MS,
        greetingTimeout: TIMEOUT_MS,
        socketTimeout: TIMEOUT_MS,
        dnsTimeout: TIMEOUT_MS,
      }),
    );
    store.__storefrontSmtp.set(smtpUrl, transporter);
  }
  return transporter;
}

/** Sends through the SMTP server at `smtpUrl`; a refusal throws an SmtpDeliveryError without credentials. */
export function smtpTransport(smtpUrl: string): MailTransport {
  return async (_db, mail) => {
    try {
      await transporterFor(smtpUrl).sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        messageId: mail.messageId,
        html: mail.html,
        text: mail.text,
        headers: mail.headers,
      });
    } catch (error) {
      throw SmtpDeliveryError.from(error, smtpUrl);
    }
    logger.info({ to: mail.to, subject: mail.subject, kind: mail.kind, messageId: mail.messageId }, "mail sent");
  };
}
