import path from "node:path";
import { defineConfig } from "vitest/config";

const shared = {
  AUTH_SECRET: "test-secret-test-secret-test-secret-0123456789",
  LOG_LEVEL: "silent",
  // Jobs retry within a test's time; production waits 30 s and more between attempts.
  JOB_RETRY_DELAY_SECONDS: "1",
  JOB_RETRY_LIMIT: "2",
  JOB_TIMEOUT_SECONDS: "2",
};

// The same suite runs on the embedded database and, when TEST_DATABASE_URL is set, on PostgreSQL.
const databases = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "src") } },
  test: {
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ["tests/support/fail-on-console-error.ts"],
    projects: databases.map((database) => ({
      extends: true,
      test: {
        name: database,
        include: ["tests/**/*.test.ts"],
        env: { ...shared, TEST_DB_KIND: database },
      },
    })),
  },
});
