import { and, asc, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { AdminUserDto } from "@/lib/contracts/admin";
import { users } from "../../db/schema";
import type { Db } from "../../db/types";
import { decodeCursor, encodeCursor } from "../pagination/cursor";
import { adminUserColumns, toAdminUserDto } from "./user-row";

/** Accounts by email, searchable by email or name: never a password hash. */
export async function listUsers(
  db: Db,
  options: { limit: number; cursor?: string; q?: string },
): Promise<{ items: AdminUserDto[]; nextCursor: string | null }> {
  const conditions: SQL[] = [];
  if (options.cursor) {
    const after = decodeCursor(options.cursor, z.string().max(300));
    conditions.push(sql`(${users.email}, ${users.id}) > (${after.value}::text, ${after.id}::uuid)`);
  }
  const q = options.q?.trim();
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    conditions.push(or(ilike(users.email, pattern), ilike(users.name, pattern)) as SQL);
  }
  const rows = await db
    .select(adminUserColumns)
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.email), asc(users.id))
    .limit(options.limit + 1);
  const items = rows.slice(0, options.limit).map(toAdminUserDto);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > options.limit && last ? encodeCursor({ value: last.email, id: last.id }) : null,
  };
}
