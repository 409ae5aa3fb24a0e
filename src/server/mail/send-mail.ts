import { eq } from "drizzle-orm";
import { env } from "@/env";
import { sentMail } from "../db/schema";
import type { Db } from "../db/types";
import { shopOrigin } from "./links";
import type { Mail } from "../queue/mail-kinds";
import { mailSettingsFromEnv, type MailSettings } from "./mail-settings";
import type { OutgoingMail } from "./outgoing-mail";
import { renderMail } from "./render-mail";
import { transportFor } from "./transport";

export interface MailJob {
  messageKey: string;
  mail: Mail;
}

/**
 * The same on every attempt, so a receiver that sees a mail twice can tell it is one mail.
 * A Message-ID may not hold ":" or spaces (RFC 5322 dot-atom), which message keys do:
 * those are written as =XX, which keeps distinct keys distinct.
 */
export function messageIdFor(messageKey: string): string {
  const local = messageKey.replace(/[^A-Za-z0-9._-]/gu, (char) =>
    Array.from(Buffer.from(char), (byte) => `=${byte.toString(16).toUpperCase().padStart(2, "0")}`).join(""),
  );
  return `<${local}@${new URL(shopOrigin()).hostname}>`;
}

function listHeaders(mail: Mail): Record<string, string> {
  if (!("unsubscribeUrl" in mail)) return {};
  // RFC 8058 one-click: mail clients offer their own unsubscribe button and POST to the link.
  return { "List-Unsubscribe": `<${mail.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

/**
 * Sends one queued mail at most once per message key: a job that runs again finds
 * the sent_mail row and sends nothing. Errors propagate, so the queue retries.
 */
export async function sendMail(
  db: Db,
  job: MailJob,
  settings: MailSettings = mailSettingsFromEnv(),
): Promise<"sent" | "already-sent"> {
  const messageId = messageIdFor(job.messageKey);
  const [sent] = await db
    .select({ messageId: sentMail.messageId })
    .from(sentMail)
    .where(eq(sentMail.messageId, messageId));
  if (sent) return "already-sent";

  const { subject, html, text } = await renderMail(job.mail);
  const outgoing: OutgoingMail = {
    kind: job.mail.kind,
    messageId,
    from: env.MAIL_FROM,
    to: job.mail.to,
    subject,
    html,
    text,
    headers: listHeaders(job.mail),
  };
  await transportFor(settings)(db, outgoing);
  await db
    .insert(sentMail)
    .values({ messageId, recipient: outgoing.to, subject })
    .onConflictDoNothing({ target: sentMail.messageId });
  return "sent";
}
