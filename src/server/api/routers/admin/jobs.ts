import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { jobsListInput, jobsPage, retryJobInput } from "@/lib/contracts/jobs";
import { listJobs } from "../../../domain/jobs/list-jobs";
import { retryFailedJob } from "../../../domain/jobs/retry-job";
import { auditContext } from "../../audit-context";
import { procedure } from "../../trpc";

export const adminJobsRouter = {
  /** The newest jobs in one state (failed by default) and every queue's counts. */
  list: procedure("read:job:any")
    .input(jobsListInput)
    .output(jobsPage)
    .query(({ ctx, input }) => listJobs(ctx.db, input)),

  /** Gives a failed job one more attempt; audited. */
  retry: procedure("retry:job:any")
    .input(retryJobInput)
    .output(z.object({ id: z.uuid(), queue: z.string() }))
    .mutation(({ ctx, input }) => retryFailedJob(ctx.db, auditContext(ctx), input.id)),
} satisfies TRPCRouterRecord;
