import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Mails the SMTP server (or the development mailbox) accepted, by Message-ID.
 * A job that runs again after a crash finds its mail here and sends nothing;
 * if it crashed between sending and writing this row, the mail goes out again
 * with the same Message-ID, which receivers deduplicate on.
 */
export const sentMail = pgTable("sent_mail", {
  messageId: text("message_id").primaryKey(),
  recipient: text("recipient").notNull(),
  subject: text("subject").notNull(),
  sentAt: timestamp("sent_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/** The development mailbox (MAIL_TRANSPORT=mailbox): whole mails, shown at /dev/mailbox. Never used in production. */
export const mailboxMessages = pgTable("mailbox_messages", {
  messageId: text("message_id").primaryKey(),
  sender: text("sender").notNull(),
  recipient: text("recipient").notNull(),
  subject: text("subject").notNull(),
  html: text("html").notNull(),
  text: text("text").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
