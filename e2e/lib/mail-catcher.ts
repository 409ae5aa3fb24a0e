import type { Socket } from "node:net";
import { simpleParser, type HeaderLines } from "mailparser";
import { SMTPServer } from "smtp-server";

/** One mail as the catcher received it. */
export interface CaughtMail {
  /** With its angle brackets, as sent. */
  messageId: string;
  from: string;
  /** The envelope's recipients (RCPT TO). */
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Header name in lower case → its raw value, unfolded. */
  headers: Record<string, string>;
  /** ISO time. */
  receivedAt: string;
}

/**
 * reject: every MAIL FROM, RCPT TO and DATA is refused with a 4xx; drop: connections are cut on arrival;
 * hold: a mail is kept on arrival but its sender never hears back (a server that took the mail as the
 * sender crashed): the sender cannot know it was delivered, so it sends it again.
 */
export type FailingMode = false | "reject" | "drop" | "hold";

export interface MailCatcher {
  port: number;
  /** smtp://127.0.0.1:port, for SMTP_URL. */
  url: string;
  /** Every mail so far in the order received, duplicates included. */
  messages: () => CaughtMail[];
  waitForMail: (predicate: (mail: CaughtMail) => boolean, timeoutMs?: number) => Promise<CaughtMail>;
  setFailing: (mode: FailingMode) => void;
  clearMessages: () => void;
  close: () => Promise<void>;
}

function headerRecord(lines: HeaderLines): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, line } of lines) {
    headers[key] = line
      .slice(line.indexOf(":") + 1)
      .replace(/\r?\n[ \t]+/g, " ")
      .trim();
  }
  return headers;
}

function refusal(): Error {
  return Object.assign(new Error("Mail catcher told to refuse mail: try again later"), { responseCode: 451 });
}

/**
 * A real SMTP server on 127.0.0.1 that keeps every mail it is given, for tests
 * that check what the app sends. No TLS and any login: only for loopback use.
 */
export async function startMailCatcher({ port = 0 }: { port?: number } = {}): Promise<MailCatcher> {
  const caught: CaughtMail[] = [];
  const waiters = new Set<() => void>();
  let failing: FailingMode = false;

  const refuseWhenFailing = (callback: (error?: Error | null) => void) =>
    callback(failing === "reject" || failing === "drop" ? refusal() : null);
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    // Any login is taken, so an SMTP_URL with a user and password works against the catcher too.
    authOptional: true,
    allowInsecureAuth: true,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? "anyone" }),
    logger: false,
    closeTimeout: 1_000,
    onMailFrom: (_address, _session, callback) => refuseWhenFailing(callback),
    onRcptTo: (_address, _session, callback) => refuseWhenFailing(callback),
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          if (failing === "reject" || failing === "drop") return callback(refusal());
          caught.push({
            messageId: parsed.messageId ?? "",
            from: parsed.from?.text ?? "",
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: parsed.html || "",
            headers: headerRecord(parsed.headerLines),
            receivedAt: new Date().toISOString(),
          });
          for (const wake of waiters) wake();
          // Held: the answer never comes; the connection ends when the sender gives up or dies.
          if (failing !== "hold") callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  // A cut connection makes the server report errors that are the point of "drop", not a fault.
  server.on("error", () => undefined);
  server.server.on("connection", (socket: Socket) => {
    if (failing === "drop") socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.server.off("error", reject);
      resolve();
    });
  });
  const address = server.server.address();
  if (address === null || typeof address === "string") throw new Error("the mail catcher has no TCP port");

  return {
    port: address.port,
    url: `smtp://127.0.0.1:${address.port}`,
    messages: () => [...caught],
    waitForMail(predicate, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = caught.find(predicate);
          if (!found) return;
          finish();
          resolve(found);
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`no matching mail within ${timeoutMs} ms (${caught.length} caught)`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    setFailing: (mode) => {
      failing = mode;
    },
    clearMessages: () => {
      caught.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a mail's text whose path starts with `pathPrefix`. */
export function linkIn(mail: CaughtMail, pathPrefix: string): string {
  // A link that ends a sentence keeps its full stop in plain text; no link of ours ends in one.
  const links = (mail.text.match(/https?:\/\/[^\s<>"')\]]+/g) ?? []).map((link) => link.replace(/[.,;:!?]+$/, ""));
  const link = links.find((candidate) => new URL(candidate).pathname.startsWith(pathPrefix));
  if (!link) throw new Error(`no link to ${pathPrefix} in "${mail.subject}"; links: ${links.join(", ") || "none"}`);
  return link;
}
