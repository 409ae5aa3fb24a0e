import { z } from "zod";

const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

/** A comma-separated list of origins such as `https://app.example.com`; origins only, no paths. */
const originList = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((origin) => origin.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z
        .url()
        .refine((origin) => new URL(origin).origin === origin, "Give origins only: scheme, host and port, no path"),
    ),
  );

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** postgres://… selects the postgres.js driver; unset means the embedded PGlite. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Connections each process may open to PostgreSQL (plus one for LISTEN and one while migrating). */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** PostgreSQL cancels any statement running longer than this (statement_timeout); the caller gets a 503. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /**
   * A read (a query procedure) still unanswered after this long gets a 503, so a slow network to the
   * database cannot hold a request for good. Writes are never cut short: one may still commit.
   */
  READ_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(6_000),
  /**
   * A pool connection unused this long is closed: an idle process (a frozen serverless function, a quiet
   * instance) holds none, and none outlives the server's or a pooler's own idle limit unnoticed. 0 keeps them.
   */
  DATABASE_IDLE_TIMEOUT_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  /** Opening a PostgreSQL connection gives up after this long, so a database that does not answer fails fast. */
  DATABASE_CONNECT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(120).default(5),
  /** Where PGlite keeps its files; `memory://` keeps them in memory only. */
  PGLITE_DIR: z.string().min(1).default("./.data/pglite"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  AUTH_URL: z.url().optional(),
  AUTH_TRUST_HOST: booleanFlag.optional(),
  /** Seed demo data into an empty database: defaults to on outside production. */
  SEED_DEMO_DATA: booleanFlag.optional(),
  /** How many proxies you run in front of the app, each appending to X-Forwarded-For; 0: none. */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** A client-address header your platform sets and callers cannot (e.g. x-real-ip, x-vercel-forwarded-for). */
  CLIENT_IP_HEADER: z
    .string()
    .regex(/^[a-z0-9-]+$/i, "CLIENT_IP_HEADER must be a header name")
    .transform((name) => name.toLowerCase())
    .optional(),
  /** Live-update streams end after this long and clients resume: keep it below a host's request limit. */
  SSE_MAX_DURATION_SECONDS: z.coerce.number().int().min(5).max(86_400).default(280),
  /** How often an idle live-update stream sends a keep-alive ping. */
  SSE_PING_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
  /** How long outbox events are kept for clients that resume after a disconnect. */
  EVENT_RETENTION_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 365)
    .default(24),
  /** Browser origins allowed to call /api/v1 and /api/trpc from their own pages (CORS); none by default. */
  CORS_ALLOWED_ORIGINS: originList.default([]),
  /** redis://… keeps rate-limit counters in Redis; unset keeps them in the database. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Mutations per minute per caller (0 turns the tier off). */
  RATE_LIMIT_WRITES_PER_MINUTE: z.coerce.number().int().min(0).default(120),
  /** Queries and stream opens per minute per caller, counted per instance (0 turns the tier off). */
  RATE_LIMIT_READS_PER_MINUTE: z.coerce.number().int().min(0).default(1200),
  /** Multiplies every limit: raise it for load tests and shared test servers, never in production. */
  RATE_LIMIT_SCALE: z.coerce.number().positive().max(10_000).default(1),
  /** Sign in with GitHub: both set turns it on (a GitHub OAuth app's client id and secret). */
  AUTH_GITHUB_ID: z.string().min(1).optional(),
  AUTH_GITHUB_SECRET: z.string().min(1).optional(),
  /** Sign in with any OpenID Connect provider: issuer, client id and secret all set turn it on. */
  AUTH_OIDC_ISSUER: z.url().optional(),
  AUTH_OIDC_ID: z.string().min(1).optional(),
  AUTH_OIDC_SECRET: z.string().min(1).optional(),
  /** The provider's name on the sign-in button. */
  AUTH_OIDC_NAME: z.string().min(1).max(40).default("Single sign-on"),
  /** Bearer token for GET /api/metrics; unset: the endpoint answers 404. */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NEXT_PHASE: z.string().optional(),
  // The production server's own settings (server/index.ts, `npm start`); the app itself reads none of them.
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /** Unset: every interface, as `next start` does. */
  HOSTNAME: z.string().min(1).optional(),
  /**
   * How long a cached page may be served at most (server/document-cache.ts);
   * catalog changes drop it sooner, and a signed-in visitor's own changes at once. 0 turns the cache off.
   */
  DOCUMENT_CACHE_SECONDS: z.coerce.number().int().min(0).max(3_600).default(30),
  /** The most memory the cached pages may take; the least recently served go first. */
  DOCUMENT_CACHE_MEGABYTES: z.coerce.number().int().min(1).max(1_024).default(32),
  /**
   * How far the heap may grow past what survived the last full collection before the
   * next one (server/heap-growth.ts); 0 leaves it to V8.
   */
  HEAP_GROWTH_PERCENT: z.coerce.number().int().min(0).max(1_000).default(30),
  /** How long in-flight requests may take to finish after SIGTERM before they are cut. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(0).max(600).default(15),

  /** Where mail goes: an SMTP server (smtp://user:pass@host:587, smtps://…). Required in production unless MAIL_TRANSPORT=log. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** The sender of every mail: an address, or `Name <address>`. */
  MAIL_FROM: z.string().min(3).default("Storefront <shop@storefront.localhost>"),
  /**
   * smtp: send through SMTP_URL; mailbox: keep mails in the database and show them at /dev/mailbox
   * (development only); log: write one line per mail and send nothing. Default: smtp when SMTP_URL is set,
   * otherwise mailbox outside production.
   */
  MAIL_TRANSPORT: z.enum(["smtp", "mailbox", "log"]).optional(),
  /** The shop's name and postal address, printed in every mail. */
  SHOP_NAME: z.string().min(1).max(80).default("Storefront"),
  SHOP_ADDRESS: z.string().min(1).max(200).default("1 Market Street, 10115 Berlin, Germany"),
  /** Whether this instance runs background jobs (mail, pruning); every instance enqueues them either way. */
  JOBS_WORKER: booleanFlag.default(true),
  /** How often an idle worker asks for new jobs. */
  JOB_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  /** How long a job may run before it counts as failed (a crashed worker's job runs again after this). */
  JOB_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  /** Retries after the first attempt before a job is marked failed. */
  JOB_RETRY_LIMIT: z.coerce.number().int().min(0).max(50).default(8),
  /** The first retry's delay; each later one waits about twice as long. */
  JOB_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3_600).default(30),
  /**
   * Lets a scheduler (Vercel Cron) run waiting jobs through /api/jobs/run with
   * `Authorization: Bearer <CRON_SECRET>`, for hosts where no process lives between requests. Unset: that route is 404.
   */
  CRON_SECRET: z.string().min(16, "CRON_SECRET must be at least 16 characters").optional(),
  /** How often one instance checks for jobs whose worker died (and other queue upkeep). */
  JOB_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),

  /**
   * Who takes the payment: the built-in test provider (no money moves) or Stripe (needs its keys).
   * Unset means test outside production; production must name one, so no shop takes test cards by accident.
   */
  PAYMENT_PROVIDER: z.enum(["test", "stripe"]).optional(),
  /**
   * Whether catalog prices (and shipping rates) already contain tax. exclusive: tax is added at checkout,
   * as in the US; inclusive: the price is what the shopper pays and the tax inside it is shown, as in the EU.
   */
  PRICES_INCLUDE_TAX: booleanFlag.default(false),
  /** How long an unpaid order holds its stock before it expires and the stock goes back. */
  PAYMENT_HOLD_MINUTES: z.coerce.number().min(0.05).max(1_440).default(30),
  /** How long after a payment page opens the shop asks the provider itself, in case its webhook was lost. */
  PAYMENT_RECONCILE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  /** How old a signed webhook may be; an older one (a replay) is refused. */
  PAYMENT_WEBHOOK_TOLERANCE_SECONDS: z.coerce.number().int().min(10).max(3_600).default(300),
  /** Where the test provider delivers its webhooks; default: this server on 127.0.0.1:PORT. */
  PAYMENT_TEST_WEBHOOK_URL: z.url().optional(),
  /** How long the test provider's "succeeds after a delay" card takes. */
  PAYMENT_TEST_DELAY_SECONDS: z.coerce.number().min(0).max(3_600).default(10),
  /** Stripe's secret API key (sk_live_… or sk_test_…), with PAYMENT_PROVIDER=stripe. */
  STRIPE_SECRET_KEY: z.string().startsWith("sk_", "STRIPE_SECRET_KEY starts with sk_").optional(),
  /** The signing secret of the Stripe webhook endpoint (whsec_…), with PAYMENT_PROVIDER=stripe. */
  STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_", "STRIPE_WEBHOOK_SECRET starts with whsec_").optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Validates a set of variables (process.env by default); exported for tests. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // `FOO=` in a shell or CI file means "not set", not "set to nothing".
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment variables:\n${problems.join("\n")}`);
  }
  return parsed.data;
}

export const env: Env = parseEnv();

export const isProduction = env.NODE_ENV === "production";

/** True while `next build` collects page data: nothing may open a database or demand secrets then. */
export const isBuildPhase = env.NEXT_PHASE === "phase-production-build";

/** The payment provider in use (see PAYMENT_PROVIDER). */
export const activePaymentProvider: "test" | "stripe" = env.PAYMENT_PROVIDER ?? "test";

export const shouldSeedDemoData = env.SEED_DEMO_DATA ?? !isProduction;

/**
 * Settings production cannot run without. Checked when the server starts
 * (instrumentation), not at import, so `next build` needs no secrets.
 */
export function productionEnvProblems(current: Env = env): string[] {
  if (current.NODE_ENV !== "production") return [];
  const problems: string[] = [];
  if (!current.AUTH_SECRET) {
    problems.push("AUTH_SECRET is not set: generate one with `openssl rand -base64 32` and set it.");
  }
  if (!current.AUTH_URL && !current.AUTH_TRUST_HOST) {
    problems.push(
      "Neither AUTH_URL nor AUTH_TRUST_HOST is set: set AUTH_URL to the public origin (https://shop.example.com), or AUTH_TRUST_HOST=true behind a proxy you control.",
    );
  }
  if (!current.SMTP_URL && current.MAIL_TRANSPORT !== "log") {
    problems.push(
      "SMTP_URL is not set: set it to your mail server (smtp://user:password@host:587), or MAIL_TRANSPORT=log to run without sending mail.",
    );
  }
  if (current.SMTP_URL && current.MAIL_TRANSPORT !== "log" && !current.AUTH_URL) {
    problems.push(
      "AUTH_URL is not set: links in mail (password reset, verification, orders) need the shop's public origin (https://shop.example.com).",
    );
  }
  if (current.MAIL_TRANSPORT === "mailbox") {
    problems.push("MAIL_TRANSPORT=mailbox is for development only: set SMTP_URL, or MAIL_TRANSPORT=log.");
  }
  return [...problems, ...paymentEnvProblems(current)];
}

/** Production names its payment provider, and Stripe cannot run without its keys: checked at start. */
export function paymentEnvProblems(current: Env = env): string[] {
  if (!current.PAYMENT_PROVIDER) {
    return [
      "PAYMENT_PROVIDER is not set: set it to stripe (with STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET) to take payments, or to test to run the shop in test mode, where no money moves.",
    ];
  }
  if (current.PAYMENT_PROVIDER !== "stripe") return [];
  const problems: string[] = [];
  if (!current.STRIPE_SECRET_KEY) problems.push("PAYMENT_PROVIDER=stripe needs STRIPE_SECRET_KEY (sk_…).");
  if (!current.STRIPE_WEBHOOK_SECRET) {
    problems.push(
      "PAYMENT_PROVIDER=stripe needs STRIPE_WEBHOOK_SECRET (whsec_…) from the webhook endpoint's settings.",
    );
  }
  return problems;
}
