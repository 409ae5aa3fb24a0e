import type { AuditAction, SignInFailureReason } from "@/lib/audit-actions";
import { auditLog } from "../../db/schema";
import type { DbOrTx } from "../../db/types";
import type { Actor } from "../actor";

/** Who is acting and from where: every audited change carries it. */
export interface AuditContext {
  actor: Actor;
  requestId: string;
  clientIp: string;
}

export interface AuditEntry {
  action: AuditAction;
  target?: { type: string; id: string };
  summary?: Record<string, unknown>;
}

/** Writes one audit row; call it inside the transaction of the change it describes. */
export async function recordAudit(tx: DbOrTx, context: AuditContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: context.actor.id,
    actorEmail: context.actor.email,
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    summary: entry.summary ?? {},
    requestId: context.requestId,
    clientIp: context.clientIp,
  });
}

/** How a sign-in ended; every refusal is kept as the failed row's reason. */
export type SignInOutcome = "signed_in" | SignInFailureReason;

/** A sign-in attempt, successful or not: the account may not exist, so only an email is known. */
export async function recordSignIn(
  db: DbOrTx,
  attempt: { email: string | null; userId: string | null; outcome: SignInOutcome },
  origin: { requestId: string | null; clientIp: string },
): Promise<void> {
  await db.insert(auditLog).values({
    actorId: attempt.userId,
    actorEmail: attempt.email,
    action: attempt.outcome === "signed_in" ? "auth.signed_in" : "auth.sign_in_failed",
    targetType: "user",
    targetId: attempt.userId,
    summary: attempt.outcome === "signed_in" ? {} : { reason: attempt.outcome },
    requestId: origin.requestId,
    clientIp: origin.clientIp,
  });
}
