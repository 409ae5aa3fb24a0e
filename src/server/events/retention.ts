import { eq, lt, lte, max, sql } from "drizzle-orm";
import { eventRetention, events } from "../db/schema";
import type { Db } from "../db/types";

/**
 * Deletes the oldest events, up to the newest one written before `cutoff`, and
 * records how far it went, so that clients resuming from before that point are
 * told to refresh instead of silently missing events. Safe to run from several
 * instances at once. Returns how many rows it deleted.
 */
export async function pruneEvents(db: Db, cutoff: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const [doomed] = await tx
      .select({ through: max(events.id) })
      .from(events)
      .where(lt(events.createdAt, cutoff));
    const through = doomed?.through;
    if (!through) return 0;
    const deleted = await tx.delete(events).where(lte(events.id, through)).returning({ id: events.id });
    await tx
      .update(eventRetention)
      .set({ prunedThrough: sql`greatest(${eventRetention.prunedThrough}, ${through})` })
      .where(eq(eventRetention.id, 1));
    return deleted.length;
  });
}
