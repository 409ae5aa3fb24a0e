import { getConnection } from "../db/client";
import { logger } from "../observability/logger";
import { metrics } from "../observability/metrics";
import { onShutdown } from "../runtime/lifecycle";
import { createEventBus, type EventBus } from "./bus";

async function start(): Promise<EventBus> {
  const connection = await getConnection();
  const { eventLag, sources } = metrics();
  const bus = createEventBus(connection, { onFanOut: (_event, lagMs) => eventLag.observe(lagMs / 1000) });
  await bus.ready;
  sources.liveSubscriptions = () => bus.subscriberCount();
  // On shutdown the streams end first, so their clients resume on another instance while this one drains.
  onShutdown("event bus", "release", () => bus.close());
  logger.info({ position: bus.position() }, "event bus listening");
  return bus;
}

// On globalThis for the same reason as the database handle: one per process, not per bundle.
const store = globalThis as typeof globalThis & { __storefrontEventBus?: Promise<EventBus> };

/** The process-wide event bus, started on first use (the first live subscription). */
export function getEventBus(): Promise<EventBus> {
  store.__storefrontEventBus ??= start().catch((error: unknown) => {
    store.__storefrontEventBus = undefined;
    throw error;
  });
  return store.__storefrontEventBus;
}
