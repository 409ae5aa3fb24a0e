import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { AuditEntryDto } from "@/lib/contracts/admin";
import type { AuditAction } from "@/lib/audit-actions";
import { auditLog } from "../../db/schema";
import type { Db } from "../../db/types";
import { DomainError } from "../errors";

export interface AuditListOptions {
  limit: number;
  cursor?: string;
  actorId?: string;
  action?: AuditAction;
}

function decodeAuditCursor(cursor: string): number {
  const id = z.coerce.number().int().positive().safeParse(cursor);
  if (!id.success)
    throw new DomainError("BAD_REQUEST", "This page cursor is invalid; start again from the first page.");
  return id.data;
}

/** The audit log, newest first, optionally for one actor or one action. */
export async function listAudit(
  db: Db,
  options: AuditListOptions,
): Promise<{ items: AuditEntryDto[]; nextCursor: string | null }> {
  const conditions: SQL[] = [];
  if (options.cursor) conditions.push(lt(auditLog.id, decodeAuditCursor(options.cursor)));
  if (options.actorId) conditions.push(eq(auditLog.actorId, options.actorId));
  if (options.action) conditions.push(eq(auditLog.action, options.action));
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(options.limit + 1);
  const items = rows.slice(0, options.limit).map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > options.limit && last ? String(last.id) : null };
}
