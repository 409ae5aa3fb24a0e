import { and, asc, eq, gt, inArray, max, sql, type SQL } from "drizzle-orm";
import { eventRetention, events } from "../db/schema";
import type { Db } from "../db/types";
import { parseStoredEvent, type EventTopic, type StoredEvent } from "./topics";

/** Which events a reader wants; every condition is applied in SQL. */
export interface EventFilter {
  topics?: readonly EventTopic[];
  ownerId?: string;
  productIds?: readonly string[];
}

export const EVENT_PAGE_SIZE = 500;

/** The same filter, for events that arrive live instead of from the table. */
export function matchesFilter(event: StoredEvent, filter: EventFilter): boolean {
  if (filter.topics && !filter.topics.includes(event.topic)) return false;
  if (filter.ownerId && event.ownerId !== filter.ownerId) return false;
  if (filter.productIds) {
    const productId = "productId" in event.payload ? event.payload.productId : undefined;
    if (productId === undefined || !filter.productIds.includes(productId)) return false;
  }
  return true;
}

function conditions(afterId: number, filter: EventFilter): SQL[] {
  const where: SQL[] = [gt(events.id, afterId)];
  if (filter.topics) where.push(inArray(events.topic, [...filter.topics]));
  if (filter.ownerId) where.push(eq(events.ownerId, filter.ownerId));
  if (filter.productIds) where.push(inArray(sql`${events.payload}->>'productId'`, [...filter.productIds]));
  return where;
}

export interface EventPage {
  events: StoredEvent[];
  /** The last id read (rows this code cannot parse included), to continue after; null when none. */
  lastId: number | null;
  /** True when the page was full: there may be more after `lastId`. */
  more: boolean;
}

/** Up to `limit` committed events after `afterId`, oldest first. */
export async function readEventsAfter(
  db: Db,
  afterId: number,
  filter: EventFilter = {},
  limit = EVENT_PAGE_SIZE,
): Promise<EventPage> {
  const rows = await db
    .select({
      id: events.id,
      topic: events.topic,
      payload: events.payload,
      ownerId: events.ownerId,
      createdAt: events.createdAt,
    })
    .from(events)
    .where(and(...conditions(afterId, filter)))
    .orderBy(asc(events.id))
    .limit(limit);
  return {
    events: rows.map(parseStoredEvent).filter((event): event is StoredEvent => event !== null),
    lastId: rows.at(-1)?.id ?? null,
    more: rows.length === limit,
  };
}

/** The id of the newest committed event, or 0 when there is none. */
export async function latestEventId(db: Db): Promise<number> {
  const [row] = await db.select({ id: max(events.id) }).from(events);
  return row?.id ?? 0;
}

/** The highest event id that retention has deleted: resuming below it would leave a gap. */
export async function prunedThrough(db: Db): Promise<number> {
  const [row] = await db.select({ id: eventRetention.prunedThrough }).from(eventRetention).limit(1);
  return row?.id ?? 0;
}
