/** Settings every production server in the E2E suite shares, so a session cookie works on each of them. */
export const e2eServerEnv = {
  AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
  AUTH_TRUST_HOST: "true",
  SEED_DEMO_DATA: "true",
  LOG_LEVEL: "warn",
  NEXT_TELEMETRY_DISABLED: "1",
};

/** The PostgreSQL server the multi-instance tests make their databases on (unset: those tests do not run). */
export const postgresServerUrl = process.env.TEST_DATABASE_URL || undefined;
