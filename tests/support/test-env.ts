import { z } from "zod";

/** Secrets vitest.config.ts gives the code under test. */
export const testSecrets = { authSecret: "test-secret-test-secret-test-secret-0123456789" };

/** The test harness's own settings (set by vitest.config.ts and .ci/run), validated once. */
export const testEnv = z
  .object({
    TEST_DB_KIND: z.enum(["pglite", "postgres"]).default("pglite"),
    TEST_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    /** A Redis server for the rate-limit store tests (CI sets it); without it those tests are not defined. */
    TEST_REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  })
  .parse(process.env);
