import type { Tx } from "../db/types";
import type { StoredEvent } from "./topics";
import { enqueueJob } from "../queue/enqueue";

const mailedStatuses = new Set(["shipped", "delivered", "cancelled"]);

/** Whether an outbox event is one a customer is mailed about. */
function isMailedEvent(event: StoredEvent): boolean {
  if (event.topic === "order.created") return true;
  return event.topic === "order.status" && mailedStatuses.has(event.payload.status);
}

/**
 * The jobs an outbox event causes, queued in the transaction that writes the
 * event: one mail job per order event, keyed by the event id, so it exists
 * exactly when the event does and never twice.
 */
export async function enqueueEventJobs(tx: Tx, stored: StoredEvent[]): Promise<void> {
  for (const event of stored) {
    if (!isMailedEvent(event)) continue;
    await enqueueJob(tx, "mail.order-event", { eventId: event.id }, { key: `order-event-${event.id}` });
  }
}
