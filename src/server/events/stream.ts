import type { Db } from "../db/types";
import type { BusSubscriber, EventBus } from "./bus";
import { latestEventId, matchesFilter, prunedThrough, readEventsAfter, type EventFilter } from "./event-store";
import type { StoredEvent } from "./topics";

/** An event for the subscriber, or a sign that it missed events that are gone and must refetch. */
export type StreamItem = { kind: "event"; event: StoredEvent } | { kind: "refresh"; id: number };

export interface StreamOptions<T> {
  bus: EventBus;
  db: Db;
  filter: EventFilter;
  /** The last event the client saw; null starts from now. */
  lastEventId: number | null;
  signal: AbortSignal;
  /** What the client receives for an item; null leaves the item out. */
  map: (item: StreamItem) => T | null;
  /** Called once when the stream ends, however it ends: releases what was started alongside it. */
  onEnd?: () => void;
}

function abortError(): DOMException {
  return new DOMException("The stream was ended", "AbortError");
}

/**
 * Why an aborted stream ended: an error of the aborter's own (the caller's
 * session ended) reaches the client as is; a plain abort or timeout (a
 * DOMException) stays an AbortError, which the client resumes from.
 */
function abortReason(signal: AbortSignal): unknown {
  const reason: unknown = signal.reason;
  return reason instanceof Error && !(reason instanceof DOMException) ? reason : abortError();
}

/**
 * A subscriber's events with no gap and no duplicate: attached to the bus at
 * once, it backfills from the table after `lastEventId` on first pull, then
 * passes on live events, dropping ids already sent.
 *
 * One hand-written iterator rather than nested async generators: with
 * hundreds of subscribers every event is delivered hundreds of times, and
 * each generator layer would add promises to every delivery. It ends with an
 * AbortError when the client leaves or the bus closes, which tells the SSE
 * client to reconnect (to this or another instance) rather than to stop.
 * When the signal aborts with an error of its own (the caller's session
 * ended), it ends with that error, which the client shows and does not retry.
 */
export class EventStream<T> implements AsyncIterableIterator<T>, BusSubscriber {
  private readonly ready: T[] = [];
  /** Live events that arrive before the backfill is done; null once it is. */
  private held: StoredEvent[] | null = [];
  private sent: number | null = null;
  private waiting: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void } | null = null;
  private failure: unknown = null;
  private finished = false;
  private started = false;
  private readonly unsubscribe: () => void;
  private readonly onAbort = () => this.fail(abortReason(this.options.signal));

  constructor(private readonly options: StreamOptions<T>) {
    // Subscribe before anything is read from the table, so nothing committed meanwhile is missed.
    this.unsubscribe = options.bus.subscribe(this);
    options.signal.addEventListener("abort", this.onAbort, { once: true });
    if (options.signal.aborted) this.onAbort();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  onEvent(event: StoredEvent): void {
    if (this.finished || !matchesFilter(event, this.options.filter)) return;
    if (this.held) this.held.push(event);
    else if (this.sent !== null) this.deliver(event);
  }

  onClose(): void {
    this.fail(abortError());
  }

  next(): Promise<IteratorResult<T>> {
    if (!this.started) {
      this.started = true;
      this.backfill().catch((error: unknown) => this.fail(error));
    }
    const value = this.ready.shift();
    if (value !== undefined) return Promise.resolve({ value, done: false });
    if (this.failure) return Promise.reject(this.failure);
    if (this.finished) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<T>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  private async backfill(): Promise<void> {
    const { bus, db, filter, lastEventId } = this.options;
    await bus.ready;
    let sent = lastEventId ?? bus.position();
    if (lastEventId !== null) {
      const [pruned, latest] = await Promise.all([prunedThrough(db), latestEventId(db)]);
      if (lastEventId < pruned || lastEventId > latest) {
        // Events after lastEventId were deleted (or it is from another database): start over.
        sent = latest;
        this.push({ kind: "refresh", id: latest });
      } else {
        for (;;) {
          const page = await readEventsAfter(db, sent, filter);
          for (const event of page.events) this.push({ kind: "event", event });
          if (page.lastId !== null) sent = page.lastId;
          if (!page.more) break;
        }
        // Retention ran while the pages were read: some of them may have been deleted under us.
        if ((await prunedThrough(db)) > lastEventId) this.push({ kind: "refresh", id: sent });
      }
    }
    this.sent = sent;
    const held = this.held ?? [];
    this.held = null;
    for (const event of held) this.deliver(event);
  }

  private deliver(event: StoredEvent): void {
    if (this.sent === null || event.id <= this.sent) return;
    this.sent = event.id;
    this.push({ kind: "event", event });
  }

  private push(item: StreamItem): void {
    const value = this.options.map(item);
    if (value === null || this.finished) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value, done: false });
    } else this.ready.push(value);
  }

  private fail(error: unknown): void {
    if (this.finished) return;
    this.failure = error;
    const waiting = this.waiting;
    this.end();
    waiting?.reject(error);
  }

  private end(): void {
    if (this.finished) return;
    this.finished = true;
    this.waiting = null;
    this.ready.length = 0;
    this.unsubscribe();
    this.options.signal.removeEventListener("abort", this.onAbort);
    this.options.onEnd?.();
  }
}
