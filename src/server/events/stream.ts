import type { Db } from "../db/types";
import type { EventBus } from "./bus";
import { latestEventId, matchesFilter, prunedThrough, readEventsAfter, type EventFilter } from "./event-store";
import type { StoredEvent } from "./topics";

/** An event for the subscriber, or a sign that it missed events that are gone and must refetch. */
export type StreamItem = { kind: "event"; event: StoredEvent } | { kind: "refresh"; id: number };

export interface StreamOptions {
  bus: EventBus;
  db: Db;
  filter: EventFilter;
  /** The last event the client saw; null starts from now. */
  lastEventId: number | null;
  signal: AbortSignal;
}

/**
 * A subscriber's events with no gap and no duplicate: subscribe to the bus
 * first, then backfill from the table after `lastEventId`, then pass on live
 * events, dropping ids already sent. Ends with an AbortError when the client
 * leaves or the bus closes.
 */
export async function* streamEvents({
  bus,
  db,
  filter,
  lastEventId,
  signal,
}: StreamOptions): AsyncGenerator<StreamItem> {
  const live = bus.subscribe(signal);
  try {
    await bus.ready;
    let sent = lastEventId ?? bus.position();
    if (lastEventId !== null) {
      const [pruned, latest] = await Promise.all([prunedThrough(db), latestEventId(db)]);
      if (lastEventId < pruned || lastEventId > latest) {
        // Events after lastEventId were deleted (or it is from another database): start over.
        sent = latest;
        yield { kind: "refresh", id: latest };
      } else {
        for (;;) {
          const page = await readEventsAfter(db, sent, filter);
          for (const event of page.events) yield { kind: "event", event };
          if (page.lastId !== null) sent = page.lastId;
          if (!page.more) break;
        }
      }
    }
    for await (const [event] of live) {
      if (event.id <= sent || !matchesFilter(event, filter)) continue;
      sent = event.id;
      yield { kind: "event", event };
    }
  } finally {
    await live.return?.();
  }
}
