import { z } from "zod";

export const jobStates = ["failed", "retry", "active", "created"] as const;

export const jobsListInput = z.object({
  state: z.enum(jobStates).default("failed"),
  limit: z.number().int().min(1).max(200).default(50),
});

export const jobSummary = z.object({
  id: z.uuid(),
  queue: z.string(),
  state: z.string(),
  /** Attempts made so far, and how many it may have in all. */
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  /** The last error's message (never the job's data: a mail job carries links that sign someone in). */
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime().nullable(),
});

export const jobsPage = z.object({
  items: z.array(jobSummary),
  counts: z.array(z.object({ queue: z.string(), state: z.string(), count: z.number().int() })),
});

export const retryJobInput = z.object({ id: z.uuid("Job ids are UUIDs") });

export type JobSummary = z.infer<typeof jobSummary>;
export type JobsPage = z.infer<typeof jobsPage>;
