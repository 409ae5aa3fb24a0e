import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { env, parseEnv } from "@/env";
import { mailboxMessages, sentMail } from "@/server/db/schema";
import type { Mail, MailKind, OrderSummary } from "@/server/queue/mail-kinds";
import { findInMailbox, listMailbox, mailboxPath, messageIdFromMailboxPath } from "@/server/mail/mailbox";
import { mailSettingsFromEnv } from "@/server/mail/mail-settings";
import { renderMail } from "@/server/mail/render-mail";
import { messageIdFor, sendMail } from "@/server/mail/send-mail";
import { SmtpDeliveryError } from "@/server/mail/smtp-delivery-error";
import { logger } from "@/server/observability/logger";
import { startMailCatcher, type MailCatcher } from "../e2e/lib/mail-catcher";
import { createTestDatabase, type TestDatabase } from "./support/database";

const shop = "http://localhost:3000";
const order: OrderSummary = {
  id: "3f1c2a9e-4b5d-4e6f-8a7b-0c1d2e3f4a5b",
  lines: [
    { name: "Oak stool", quantity: 2, unitPriceCents: 4_500 },
    { name: "Linen tea towel", quantity: 1, unitPriceCents: 1_250 },
  ],
  subtotalCents: 10_250,
  discountCents: 1_025,
  discountCode: "SPRING10",
  shippingCents: 1_499,
  shippingMethod: "express",
  taxCents: 669,
  taxMode: "exclusive",
  totalCents: 11_393,
  // Typed by the customer at checkout: text, never markup.
  shipTo: {
    name: "Ann <Smith>",
    line1: "Quay <b>12</b> & Co",
    line2: "",
    city: "Berlin",
    postalCode: "10115",
    country: "DE",
    phone: "+49 30 1234567",
  },
  placedAt: "2025-03-04T09:30:00.000Z",
};
const person = { to: "ann@example.test", name: "Ann <Smith>" };
const orderMail = { ...person, order, orderUrl: `${shop}/orders/${order.id}` };
const unsubscribeUrl = `${shop}/unsubscribe?token=unsub-secret`;

/** One mail of every kind, and what its text must say besides the shop's name and address. */
const samples: Record<MailKind, { mail: Mail; says: string[]; links: string[] }> = {
  "verify-email": {
    mail: { kind: "verify-email", ...person, url: `${shop}/verify-email?token=verify-secret` },
    says: ["Confirm your email address", "did not create an account"],
    links: [`${shop}/verify-email?token=verify-secret`],
  },
  "password-reset": {
    mail: { kind: "password-reset", ...person, url: `${shop}/reset-password?token=reset-secret`, validMinutes: 30 },
    says: ["valid for 30 minutes", "If you did not ask for this, ignore this mail"],
    links: [`${shop}/reset-password?token=reset-secret`],
  },
  "password-changed": {
    mail: { kind: "password-changed", ...person, resetUrl: `${shop}/forgot-password` },
    says: ["was just changed", "If it was not you"],
    links: [`${shop}/forgot-password`],
  },
  "email-changed": {
    mail: { kind: "email-changed", ...person, newEmail: "ann.new@example.test" },
    says: ["ann.new@example.test", "If you did not make this change"],
    links: [],
  },
  "account-deleted": { mail: { kind: "account-deleted", ...person }, says: ["is deleted"], links: [] },
  "order-placed": {
    mail: { kind: "order-placed", ...orderMail },
    says: [
      "#3f1c2a9e",
      "2 × Oak stool",
      "$45.00 each",
      "$90.00",
      "Linen tea towel",
      "Subtotal",
      "$102.50",
      "Discount (SPRING10)",
      "−$10.25",
      "Shipping (Express)",
      "$14.99",
      "$6.69",
      "$113.93",
      "Shipping address",
      "Quay <b>12</b> & Co",
      "10115 Berlin",
      "Germany",
      "Phone: +49 30 1234567",
    ],
    links: [orderMail.orderUrl],
  },
  "order-shipped": {
    mail: { kind: "order-shipped", ...orderMail, unsubscribeUrl },
    says: ["on its way", "Oak stool", "$113.93"],
    links: [orderMail.orderUrl, unsubscribeUrl],
  },
  "order-delivered": {
    mail: { kind: "order-delivered", ...orderMail, unsubscribeUrl },
    says: ["delivered", "Oak stool", "$113.93"],
    links: [orderMail.orderUrl, unsubscribeUrl],
  },
  "order-expired": {
    mail: { kind: "order-expired", ...person, order, shopUrl: `${shop}/` },
    says: ["expired", "nothing was charged", "refunded automatically", "Oak stool", "$113.93"],
    links: [`${shop}/`],
  },
  "order-cancelled": {
    mail: { kind: "order-cancelled", ...orderMail, refundCents: 11_393 },
    says: ["cancelled", "We are refunding $113.93", "Oak stool"],
    links: [orderMail.orderUrl],
  },
};

describe("rendering every kind of mail", () => {
  it.each(Object.entries(samples))("%s", async (kind, { mail, says, links }) => {
    const rendered = await renderMail(mail);
    expect(rendered.subject).toContain(env.SHOP_NAME);
    for (const part of [rendered.html, rendered.text]) {
      expect(part).toContain(env.SHOP_NAME);
      expect(part).toContain(env.SHOP_ADDRESS);
      for (const link of links) expect(part).toContain(link.replaceAll("&", part === rendered.html ? "&amp;" : "&"));
      expect(part.includes("Unsubscribe from order updates")).toBe("unsubscribeUrl" in mail);
    }
    for (const sentence of says) expect(rendered.text).toContain(sentence);
    // The customer's name is text, never markup.
    expect(rendered.html).toContain("Ann &lt;Smith&gt;");
    // Nothing remote: no pictures, stylesheets, fonts or scripts to load.
    expect(rendered.html).not.toMatch(/<(img|link|script)\b|url\(|@import|src=/i);
    expect(kind).toBe(mail.kind);
  });

  it("lists the total's lines in both parts, each label beside its amount, escaping what the customer typed", async () => {
    const { html, text } = await renderMail({ kind: "order-placed", ...orderMail });
    for (const [label, amount] of [
      ["Subtotal", "$102.50"],
      ["Discount (SPRING10)", "−$10.25"],
      ["Shipping (Express)", "$14.99"],
      ["Tax", "$6.69"],
      ["Total", "$113.93"],
    ] as const) {
      expect(text).toMatch(new RegExp(`^${escapeRegExp(label)} +${escapeRegExp(amount)}$`, "m"));
      expect(html).toContain(amount);
    }
    // The address one line per part, as on a parcel (the postal code first in Germany).
    expect(text).toContain("Shipping address\n\nAnn <Smith>\nQuay <b>12</b> & Co\n10115 Berlin\nGermany");
    expect(html).toContain("Quay &lt;b&gt;12&lt;/b&gt; &amp; Co");
    expect(html).not.toContain("<b>12</b>");
  });

  it("says tax is included in inclusive mode, free shipping as free, and leaves out a discount there was none of", async () => {
    const inclusive: OrderSummary = {
      ...order,
      discountCents: 0,
      discountCode: null,
      shippingCents: 0,
      shippingMethod: "standard",
      taxCents: 1_637,
      taxMode: "inclusive",
      totalCents: 10_250,
    };
    const { text } = await renderMail({ kind: "order-placed", ...orderMail, order: inclusive });
    expect(text).toMatch(/^Shipping \(Standard\) +Free$/m);
    expect(text).toMatch(/^Tax \(included in the prices\) +\$16\.37$/m);
    expect(text).toMatch(/^Total +\$102\.50$/m);
    expect(text).not.toContain("Discount");
  });

  it("shows no address for an order placed before addresses existed", async () => {
    const old: OrderSummary = {
      ...order,
      discountCents: 0,
      discountCode: null,
      shippingCents: 0,
      shippingMethod: null,
      taxCents: 0,
      totalCents: 10_250,
      shipTo: null,
    };
    const { html, text } = await renderMail({ kind: "order-placed", ...orderMail, order: old });
    expect(text).not.toContain("Shipping address");
    expect(html).not.toContain("Shipping address");
    // No method was chosen: what it charged, not an offer of free shipping.
    expect(text).toMatch(/^Shipping +\$0\.00$/m);
  });

  it("says when nothing is refunded", async () => {
    const { text } = await renderMail({ kind: "order-cancelled", ...orderMail, refundCents: 0 });
    expect(text).toContain("Nothing was charged for this order");
  });
});

describe("choosing the transport", () => {
  it("follows MAIL_TRANSPORT, then SMTP_URL, then the environment", () => {
    const smtpUrl = "smtp://user:pass@mail.example.test:587";
    expect(mailSettingsFromEnv(parseEnv({ SMTP_URL: smtpUrl }))).toEqual({ transport: "smtp", smtpUrl });
    expect(mailSettingsFromEnv(parseEnv({ SMTP_URL: smtpUrl, MAIL_TRANSPORT: "log" }))).toEqual({ transport: "log" });
    expect(mailSettingsFromEnv(parseEnv({ NODE_ENV: "development" }))).toEqual({ transport: "mailbox" });
    expect(mailSettingsFromEnv(parseEnv({ NODE_ENV: "production" }))).toEqual({ transport: "log" });
    expect(() => mailSettingsFromEnv(parseEnv({ MAIL_TRANSPORT: "smtp" }))).toThrow(/needs SMTP_URL/);
  });
});

describe("sending mail", () => {
  let database: TestDatabase;
  let catcher: MailCatcher;

  beforeAll(async () => {
    [database, catcher] = await Promise.all([createTestDatabase(), startMailCatcher()]);
  });

  afterAll(async () => {
    await Promise.all([database.dispose(), catcher.close()]);
  });

  afterEach(() => {
    catcher.setFailing(false);
    vi.restoreAllMocks();
  });

  const smtp = () => ({ transport: "smtp" as const, smtpUrl: catcher.url });
  const job = (mail: Mail) => ({ messageKey: `mail-test:${randomUUID()}`, mail });
  const sentRows = (messageId: string) => database.db.select().from(sentMail).where(eq(sentMail.messageId, messageId));
  const caughtWith = (messageId: string) => catcher.messages().filter((mail) => mail.messageId === messageId);

  it("delivers over SMTP with a stable Message-ID and one-click unsubscribe headers", async () => {
    const shipped = job(samples["order-shipped"].mail);
    expect(await sendMail(database.db, shipped, smtp())).toBe("sent");

    const messageId = messageIdFor(shipped.messageKey);
    expect(messageId).toBe(`<${shipped.messageKey.replace(":", "=3A")}@localhost>`);
    // RFC 5322 has no room for ":" or spaces in a Message-ID; message keys do.
    expect(messageIdFor("password-reset:a b=ü")).toBe("<password-reset=3Aa=20b=3D=C3=BC@localhost>");
    const mail = await catcher.waitForMail((caught) => caught.messageId === messageId);
    expect(mail.to).toEqual([person.to]);
    expect(mail.from).toContain(env.MAIL_FROM.match(/<(.+)>/)?.[1] ?? env.MAIL_FROM);
    expect(mail.subject).toBe(`Your ${env.SHOP_NAME} order #3f1c2a9e has shipped`);
    expect(mail.text).toContain(orderMail.orderUrl);
    expect(mail.html).toContain(env.SHOP_ADDRESS);
    expect(mail.headers["list-unsubscribe"]).toBe(`<${unsubscribeUrl}>`);
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(await sentRows(messageId)).toMatchObject([{ recipient: person.to, subject: mail.subject }]);
  });

  it("sends a mail once however often its job runs", async () => {
    const placed = job(samples["order-placed"].mail);
    expect(await sendMail(database.db, placed, smtp())).toBe("sent");
    expect(await sendMail(database.db, placed, smtp())).toBe("already-sent");
    const messageId = messageIdFor(placed.messageKey);
    expect(caughtWith(messageId)).toHaveLength(1);
    expect(caughtWith(messageId)[0]?.headers["list-unsubscribe"]).toBeUndefined();
  });

  it("logs in when SMTP_URL carries a user and password", async () => {
    const reset = job(samples["password-reset"].mail);
    const smtpUrl = `smtp://shop-user:${encodeURIComponent("pa ss/w0rd")}@127.0.0.1:${catcher.port}`;
    expect(await sendMail(database.db, reset, { transport: "smtp", smtpUrl })).toBe("sent");
    expect(caughtWith(messageIdFor(reset.messageKey))).toHaveLength(1);
  });

  it.each(["reject", "drop"] as const)("throws and records nothing when the server fails (%s)", async (mode) => {
    catcher.setFailing(mode);
    const placed = job(samples["order-placed"].mail);
    const smtpUrl = `smtp://shop-user:VerySecret123@127.0.0.1:${catcher.port}`;
    const error = await sendMail(database.db, placed, { transport: "smtp", smtpUrl }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SmtpDeliveryError);
    const message = (error as SmtpDeliveryError).message;
    expect(message).toContain(`127.0.0.1:${catcher.port} did not take the mail`);
    expect(message).not.toContain("VerySecret123");
    if (mode === "reject") expect((error as SmtpDeliveryError).responseCode).toBe(451);
    expect(await sentRows(messageIdFor(placed.messageKey))).toEqual([]);

    // The queue's retry, once the server is back, delivers it.
    catcher.setFailing(false);
    expect(await sendMail(database.db, placed, { transport: "smtp", smtpUrl })).toBe("sent");
    expect(caughtWith(messageIdFor(placed.messageKey))).toHaveLength(1);
  });

  it("fails fast, without the password, when nothing listens", async () => {
    const closed = await startMailCatcher();
    await closed.close();
    const smtpUrl = `smtp://shop-user:VerySecret123@127.0.0.1:${closed.port}`;
    const error = await sendMail(database.db, job(samples["account-deleted"].mail), {
      transport: "smtp",
      smtpUrl,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SmtpDeliveryError);
    expect((error as SmtpDeliveryError).message).toMatch(/ECONNREFUSED|ECONNECTION/);
    expect(JSON.stringify(error)).not.toContain("VerySecret123");
  });

  it("keeps the mail in the development mailbox and logs only where to read it", async () => {
    const info = vi.spyOn(logger, "info");
    const reset = job(samples["password-reset"].mail);
    expect(await sendMail(database.db, reset, { transport: "mailbox" })).toBe("sent");
    expect(await sendMail(database.db, reset, { transport: "mailbox" })).toBe("already-sent");

    const messageId = messageIdFor(reset.messageKey);
    const kept = await findInMailbox(database.db, messageId);
    expect(kept).toMatchObject({
      recipient: person.to,
      sender: env.MAIL_FROM,
      subject: `Reset your ${env.SHOP_NAME} password`,
    });
    expect(kept?.text).toContain("reset-secret");
    expect(kept?.html).toContain(env.SHOP_ADDRESS);
    expect((await listMailbox(database.db)).map((entry) => entry.messageId)).toContain(messageId);
    expect(messageIdFromMailboxPath(mailboxPath(messageId).split("/").at(-1) ?? "")).toBe(messageId);

    expect(info).toHaveBeenCalledTimes(1);
    expect(info).toHaveBeenCalledWith(
      `mail to ${person.to} kept in the development mailbox: ${shop}${mailboxPath(messageId)}`,
    );
    expect(JSON.stringify(info.mock.calls)).not.toContain("reset-secret");
    expect(caughtWith(messageId)).toEqual([]);
  });

  it("only logs with MAIL_TRANSPORT=log", async () => {
    const info = vi.spyOn(logger, "info");
    const verify = job(samples["verify-email"].mail);
    expect(await sendMail(database.db, verify, { transport: "log" })).toBe("sent");
    const messageId = messageIdFor(verify.messageKey);
    expect(info).toHaveBeenCalledWith(
      { to: person.to, subject: expect.stringContaining("Confirm"), kind: "verify-email", messageId },
      expect.any(String),
    );
    expect(JSON.stringify(info.mock.calls)).not.toContain("verify-secret");
    expect(caughtWith(messageId)).toEqual([]);
    expect(await database.db.select().from(mailboxMessages).where(eq(mailboxMessages.messageId, messageId))).toEqual(
      [],
    );
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
