import { z } from "zod";

/** The production server's own settings (the app reads the rest through src/env.ts). */
export const settings = z
  .object({
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
  })
  .parse(Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== "")));
