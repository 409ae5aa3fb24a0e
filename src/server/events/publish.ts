import { sql } from "drizzle-orm";
import { events } from "../db/schema";
import type { Tx } from "../db/types";
import { enqueueEventJobs } from "./outbox-jobs";
import { parseStoredEvent, type NewEvent } from "./topics";

/** The NOTIFY channel every app process listens on. */
export const EVENTS_CHANNEL = "storefront_events";

// Any constant works; it only has to be the same for every instance of this app.
const EVENT_ORDER_LOCK_ID = 727_002;

/**
 * Writes outbox rows and a NOTIFY in the caller's transaction. PostgreSQL
 * delivers the NOTIFY only when the transaction commits and drops it on
 * rollback, so no event reaches a subscriber before its change is visible.
 *
 * The advisory lock, held until commit, hands out ids in commit order: without
 * it a transaction that took id 10 could commit after one that took id 11, and
 * a reader that had already moved past 11 would never see 10. Call this as the
 * transaction's last statement so the lock is held only for the commit.
 *
 * Only the newest id travels in the notification; listeners read the rows.
 * The jobs an event causes (its mail) are queued in the same transaction.
 */
export async function publishEvents(tx: Tx, changes: NewEvent[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${EVENT_ORDER_LOCK_ID})`);
  const rows = await tx
    .insert(events)
    .values(changes.map(({ topic, payload, ownerId }) => ({ topic, payload, ownerId: ownerId ?? null })))
    .returning();
  await enqueueEventJobs(
    tx,
    rows.map(parseStoredEvent).filter((event) => event !== null),
  );
  const newest = Math.max(...rows.map((row) => row.id));
  await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${String(newest)})`);
}
