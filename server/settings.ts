import { z } from "zod";

/** The production server's own settings (the app reads the rest through src/env.ts). */
export const settings = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    /** Unset: every interface, as `next start` does. */
    HOSTNAME: z.string().min(1).optional(),
    /** How long in-flight requests may take to finish after SIGTERM before they are cut. */
    /**
     * How long a cached anonymous catalog or product page may be served at most
     * (server/document-cache.ts); catalog changes drop it sooner. 0 turns the cache off.
     */
    DOCUMENT_CACHE_SECONDS: z.coerce.number().int().min(0).max(3_600).default(30),
    SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(0).max(600).default(15),
  })
  .parse(Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== "")));
