/** What nodemailer puts on its errors, when it knows it. */
interface NodemailerFailure {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
}

const MAX_DETAIL = 200;

function firstLine(text: string): string {
  const line = text.split(/\r?\n/, 1)[0] ?? "";
  return line.length > MAX_DETAIL ? `${line.slice(0, MAX_DETAIL)}…` : line;
}

/**
 * A mail the SMTP server did not take, in one short sentence naming the server by
 * host and port only: SMTP_URL may hold a password, which must reach no log.
 * The original error is left out on purpose, as it may quote the connection options.
 */
export class SmtpDeliveryError extends Error {
  override name = "SmtpDeliveryError";

  constructor(
    message: string,
    /** The server's reply code (4xx: try later, 5xx: refused), when it answered. */
    readonly responseCode: number | undefined,
    /** nodemailer's error code, such as ECONNECTION, ETIMEDOUT, EAUTH or EENVELOPE. */
    readonly code: string | undefined,
  ) {
    super(message);
  }

  static from(error: unknown, smtpUrl: string): SmtpDeliveryError {
    const url = new URL(smtpUrl);
    const port = url.port || (url.protocol === "smtps:" ? "465" : "587");
    const failure: NodemailerFailure = typeof error === "object" && error !== null ? error : {};
    const code = typeof failure.code === "string" ? failure.code : undefined;
    const responseCode = typeof failure.responseCode === "number" ? failure.responseCode : undefined;
    const said =
      typeof failure.response === "string" ? failure.response : error instanceof Error ? error.message : String(error);
    const detail = withoutSecrets(firstLine(said), url);
    const message = `The mail server ${url.hostname}:${port} did not take the mail${code ? ` (${code})` : ""}: ${detail}`;
    return new SmtpDeliveryError(message, responseCode, code);
  }
}

function withoutSecrets(text: string, url: URL): string {
  const secrets = [url.password, decodeURIComponent(url.password), url.username, decodeURIComponent(url.username)];
  // A user name of a letter or two would blank out half the sentence; only longer ones are worth hiding.
  return secrets
    .filter((secret) => secret.length >= 3)
    .reduce((safe, secret) => safe.split(secret).join("[redacted]"), text);
}
