import type { Tx } from "../db/types";
import { enqueueJob } from "../queue/enqueue";
import type { JobData } from "../queue/job-data";
import type { StoredEvent } from "./topics";

type OrderHappening = JobData<"mail.order-event">["happened"];

/** What an outbox event tells a customer about their order, or null when it is nothing they are mailed about. */
function orderHappening(event: StoredEvent): { orderId: string; happened: OrderHappening } | null {
  // The confirmation goes out when the provider says paid, not when the order is placed unpaid.
  if (event.topic === "order.paid") return { orderId: event.payload.orderId, happened: "placed" };
  if (event.topic !== "order.status") return null;
  const { orderId, status } = event.payload;
  return status === "shipped" || status === "delivered" || status === "cancelled" || status === "expired"
    ? { orderId, happened: status }
    : null;
}

/**
 * The jobs an outbox event causes, queued in the transaction that writes the
 * event: one mail job per order event, keyed by the event id, so it exists
 * exactly when the event does and never twice.
 */
export async function enqueueEventJobs(tx: Tx, stored: StoredEvent[]): Promise<void> {
  for (const event of stored) {
    const happening = orderHappening(event);
    if (!happening) continue;
    await enqueueJob(tx, "mail.order-event", { eventId: event.id, ...happening }, { key: `order-event-${event.id}` });
  }
}
