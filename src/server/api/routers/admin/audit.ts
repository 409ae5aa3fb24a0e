import type { TRPCRouterRecord } from "@trpc/server";
import { auditListInput, auditPage } from "@/lib/contracts/admin";
import { listAudit } from "../../../domain/audit/list-audit";
import { procedure } from "../../trpc";

export const adminAuditRouter = {
  /** Who did what, newest first, by actor or action. */
  list: procedure("read:audit:any")
    .input(auditListInput)
    .output(auditPage)
    .query(({ ctx, input: { actor, ...rest } }) => listAudit(ctx.db, { ...rest, actorId: actor })),
} satisfies TRPCRouterRecord;
