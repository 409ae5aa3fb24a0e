import type { Actor } from "../domain/actor";
import type { AuditContext } from "../domain/audit/record-audit";

/** The audit trail's who and from where, from a request context that knows its actor. */
export function auditContext(ctx: { actor: Actor; requestId: string; clientIp: string }): AuditContext {
  const { id, email, name, role } = ctx.actor;
  return { actor: { id, email, name, role }, requestId: ctx.requestId, clientIp: ctx.clientIp };
}
