import { getEventBus } from "../src/server/events/app-bus";
import type { EventTopic } from "../src/server/events/topics";
import { logger } from "../src/server/observability/logger";
import { isShuttingDown } from "../src/server/runtime/lifecycle";
import type { DocumentCache } from "./document-cache";

/** What the cached pages show: a product's stock and everything else about it. */
const CATALOG_TOPICS: ReadonlySet<EventTopic> = new Set(["stock.changed", "product.changed"]);

const RETRY_MS = 5_000;

/**
 * Serves from the cache only while it hears about catalog changes: from the
 * moment it is subscribed to the event bus until the bus closes (shutdown).
 * Until then (the database away at start-up) every page goes through Next.js.
 */
export function followCatalogChanges(cache: DocumentCache): void {
  getEventBus().then(
    (bus) => {
      bus.subscribe({
        onEvent: (event) => {
          if (CATALOG_TOPICS.has(event.topic)) cache.invalidate();
        },
        onClose: () => cache.setActive(false),
        internal: true,
      });
      cache.setActive(true);
    },
    (error: unknown) => {
      if (isShuttingDown()) return;
      logger.warn({ err: error }, "document cache waits for the event bus");
      setTimeout(() => followCatalogChanges(cache), RETRY_MS).unref();
    },
  );
}
