import type { EventBus } from "@/server/events/bus";

/** A tracked event as the router's types describe what a subscription yields. */
export interface Tracked<T> {
  id: string;
  data: T;
}

/** The server-side caller actually yields tRPC's raw envelope, [id, data, marker]; accept both. */
function unwrap<I extends Tracked<unknown>>(item: I | readonly unknown[]): I {
  if (!Array.isArray(item)) return item as I;
  return { id: String(item[0]), data: item[1] } as I;
}

/**
 * Pulls a subscription in the background, so a test can commit changes and
 * then wait for exactly what it expects to arrive.
 */
export class Received<I extends Tracked<unknown>> {
  readonly items: I[] = [];
  private wake: (() => void) | undefined;
  private failure: unknown;
  readonly finished: Promise<void>;

  constructor(source: Promise<AsyncIterable<I>>) {
    this.finished = (async () => {
      for await (const item of await source) {
        this.items.push(unwrap<I>(item));
        this.wake?.();
      }
    })().catch((error: unknown) => {
      this.failure = error;
      this.wake?.();
    });
  }

  /** Resolves once `count` items have arrived; fails after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 5_000): Promise<I[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.items.length < count) {
      if (this.failure) throw this.failure;
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new Error(`expected ${count} items, received ${this.items.length}: ${JSON.stringify(this.items)}`);
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, Math.min(remaining, 50));
      });
    }
    return this.items.slice(0, count);
  }

  get error(): unknown {
    return this.failure;
  }
}

/** Waits until the bus counts `expected` subscribers (a subscription attaches when first pulled). */
export async function waitForSubscribers(bus: EventBus, expected: number, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (bus.subscriberCount() !== expected) {
    if (Date.now() > deadline) throw new Error(`expected ${expected} subscribers, have ${bus.subscriberCount()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
