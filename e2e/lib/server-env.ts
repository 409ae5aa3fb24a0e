import path from "node:path";

/** The browser suite's own server (playwright.config.ts starts it). */
export const e2ePort = Number(process.env.E2E_PORT ?? 3100);
export const e2eBaseURL = `http://localhost:${e2ePort}`;

/** Settings every production server in the E2E suite shares, so a session cookie works on each of them. */
export const e2eServerEnv = {
  AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
  AUTH_TRUST_HOST: "true",
  SEED_DEMO_DATA: "true",
  // Every request line, so the log scan after the suite (scripts/scan-server-logs.ts) has them all to read.
  LOG_LEVEL: "info",
  NEXT_TELEMETRY_DISABLED: "1",
  // Every browser test comes from 127.0.0.1: one client address for hundreds of sign-ups. The
  // rate-limit tests run on servers of their own at the real limits.
  RATE_LIMIT_SCALE: "100",
  // Mail is logged, not sent; the mail tests give their servers SMTP_URL to a catcher of their own.
  MAIL_TRANSPORT: "log",
  // Production names its provider: the suite pays on the built-in test provider's page.
  PAYMENT_PROVIDER: "test",
};

/** The SMTP server the browser suite's server mails to (e2e/lib/mail-catcher-cli.ts), and its HTTP API for tests. */
export const e2eMailCatcher = { smtpPort: 3198, httpPort: 3197 };

/** The browser suite's server sends real mail to the catcher; links in it are built from AUTH_URL. */
export const e2eMainServerMailEnv = {
  SMTP_URL: `smtp://127.0.0.1:${e2eMailCatcher.smtpPort}`,
  MAIL_TRANSPORT: "smtp",
  AUTH_URL: e2eBaseURL,
};

/** The OpenID Connect provider the sign-in test starts (e2e/lib/oidc-provider.ts), as the app is told of it. */
export const e2eOidc = {
  port: 3199,
  clientId: "storefront-e2e",
  clientSecret: "storefront-e2e-client-secret",
  name: "Test Identity",
};

export const e2eOidcEnv = {
  AUTH_OIDC_ISSUER: `http://127.0.0.1:${e2eOidc.port}`,
  AUTH_OIDC_ID: e2eOidc.clientId,
  AUTH_OIDC_SECRET: e2eOidc.clientSecret,
  AUTH_OIDC_NAME: e2eOidc.name,
};

/** The PostgreSQL server the multi-instance tests make their databases on (unset: those tests do not run). */
export const postgresServerUrl = process.env.TEST_DATABASE_URL || undefined;

/** Where every E2E server writes its log, for the secret scan after the suite. */
export const serverLogDir = path.resolve(".reports", "server-logs");

/** The metrics endpoint's bearer token on the servers that enable it. */
export const e2eMetricsToken = "e2e-metrics-token-e2e-metrics-token";

/** The scheduler's secret for /api/jobs/run on the servers that enable it. */
export const e2eCronSecret = "e2e-cron-secret-e2e-cron-secret";

/** What the suite types, sends or configures that no server log may ever contain. */
export const e2eSecrets: readonly string[] = [
  e2eServerEnv.AUTH_SECRET,
  e2eOidc.clientSecret,
  e2eMetricsToken,
  e2eCronSecret,
  "storefront-demo",
  "a long password",
  "another long password",
  "not the password",
  "wrong password",
  "any password: the test provider does not check it",
];
