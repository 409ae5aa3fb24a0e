import { z } from "zod";

/** The test harness's own settings (set by vitest.config.ts and .ci/run), validated once. */
export const testEnv = z
  .object({
    TEST_DB_KIND: z.enum(["pglite", "postgres"]).default("pglite"),
    TEST_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  })
  .parse(process.env);
