import type { DatabaseConnection, Unlisten } from "../db/types";
import { logger } from "../observability/logger";
import { latestEventId, readEventsAfter } from "./event-store";
import { EVENTS_CHANNEL } from "./publish";
import type { StoredEvent } from "./topics";

/** After a failed outbox read (the database away), how soon the bus reads again without waiting for a NOTIFY. */
const RETRY_READ_MS = 1_000;

export interface EventBusOptions {
  /** Called for every event fanned out, with the time since it was written (for metrics). */
  onFanOut?: (event: StoredEvent, lagMs: number) => void;
}

/**
 * One per process: one LISTEN connection, one reader of the outbox, and an
 * in-memory fan-out to every open subscription of this process.
 */
export interface EventBus {
  /** Settles once the bus listens and knows where the outbox stands. */
  readonly ready: Promise<void>;
  /** The id of the newest event fanned out so far. */
  position(): number;
  /**
   * Attaches a subscriber; it gets every event fanned out from now on, in
   * order, until it unsubscribes, and `onClose` when the bus closes.
   */
  subscribe(subscriber: BusSubscriber): () => void;
  /** Clients' subscriptions (internal ones left out). */
  subscriberCount(): number;
  /** Ends every subscription (clients resume elsewhere) and stops listening. */
  close(): Promise<void>;
}

export interface BusSubscriber {
  onEvent: (event: StoredEvent) => void;
  onClose: () => void;
  /** The server's own listeners (its page cache): not a client's stream, not counted as one. */
  internal?: boolean;
}

export function createEventBus(
  connection: Pick<DatabaseConnection, "db" | "listen">,
  options: EventBusOptions = {},
): EventBus {
  const subscribers = new Set<BusSubscriber>();
  const closing = new AbortController();
  let position = 0;
  let started = false;
  let unlisten: Unlisten | undefined;
  let catchingUp: Promise<void> | undefined;
  let again = false;

  function fanOut(event: StoredEvent): void {
    options.onFanOut?.(event, Date.now() - event.createdAt.getTime());
    for (const subscriber of subscribers) subscriber.onEvent(event);
  }

  /** Reads everything after `position` in pages; one run at a time, re-run if asked meanwhile. */
  function catchUp(): Promise<void> {
    if (catchingUp) {
      again = true;
      return catchingUp;
    }
    catchingUp = (async () => {
      do {
        again = false;
        for (;;) {
          const page = await readEventsAfter(connection.db, position);
          for (const event of page.events) fanOut(event);
          if (page.lastId !== null) position = page.lastId;
          if (!page.more) break;
        }
      } while (again && !closing.signal.aborted);
    })()
      // Tried again from the same position a little later (or sooner, on the next notification).
      .catch((error: unknown) => {
        logger.warn({ err: error }, "event bus could not read the outbox");
        if (!closing.signal.aborted) setTimeout(() => void catchUp(), RETRY_READ_MS).unref();
      })
      .finally(() => {
        catchingUp = undefined;
      });
    return catchingUp;
  }

  const ready = (async () => {
    unlisten = await connection.listen(
      EVENTS_CHANNEL,
      (payload) => {
        if (started && !(Number(payload) <= position)) void catchUp();
      },
      // After a dropped connection: whatever committed meanwhile is in the table.
      () => {
        if (started) void catchUp();
      },
    );
    position = await latestEventId(connection.db);
    started = true;
  })();

  return {
    ready,
    position: () => position,
    subscribe(subscriber) {
      if (closing.signal.aborted) {
        subscriber.onClose();
        return () => undefined;
      }
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    subscriberCount: () => [...subscribers].filter((subscriber) => !subscriber.internal).length,
    async close() {
      closing.abort();
      for (const subscriber of [...subscribers]) subscriber.onClose();
      subscribers.clear();
      await ready.catch(() => undefined);
      await catchingUp;
      await unlisten?.();
    },
  };
}
