import { env, type Env } from "@/env";

/** Where mail goes; tests pass their own, the app takes them from the environment. */
export type MailSettings = { transport: "smtp"; smtpUrl: string } | { transport: "mailbox" } | { transport: "log" };

/**
 * MAIL_TRANSPORT when set; otherwise smtp when SMTP_URL is set, else the development
 * mailbox. Production without either is refused at start-up (productionEnvProblems);
 * should it run anyway, mail is only logged, never kept in its database.
 */
export function mailSettingsFromEnv(current: Env = env): MailSettings {
  const transport =
    current.MAIL_TRANSPORT ?? (current.SMTP_URL ? "smtp" : current.NODE_ENV === "production" ? "log" : "mailbox");
  if (transport !== "smtp") return { transport };
  if (!current.SMTP_URL) throw new Error("MAIL_TRANSPORT=smtp needs SMTP_URL (smtp://user:password@host:587).");
  return { transport, smtpUrl: current.SMTP_URL };
}
