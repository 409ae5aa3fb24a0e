import { z } from "zod";
import { orderStatuses } from "@/lib/order-status";

/**
 * Every outbox topic and its payload, shared by the code that publishes an event
 * and the code that streams it: a subscriber parses exactly what was written.
 */
export const eventTopics = {
  "stock.changed": z.object({ productId: z.uuid(), stock: z.number().int().min(0) }),
  /** Anything else shoppers see of a product changed: name, price, description, picture, archived. */
  "product.changed": z.object({ productId: z.uuid() }),
  "order.created": z.object({ orderId: z.uuid(), totalCents: z.number().int().min(0) }),
  "order.status": z.object({ orderId: z.uuid(), status: z.enum(orderStatuses) }),
  /** The provider confirmed the payment; `order.status` says `paid` in the same transaction. */
  "order.paid": z.object({ orderId: z.uuid(), amountCents: z.number().int().min(0), currency: z.string() }),
  /** Money moved without the order's status changing: a declined attempt, a refund asked for or completed. */
  "order.payment": z.object({
    orderId: z.uuid(),
    status: z.enum(orderStatuses),
    payment: z.enum(["declined", "refund_requested", "refunded", "refund_failed"]),
  }),
};

export type EventTopic = keyof typeof eventTopics;
export type EventPayload<T extends EventTopic> = z.infer<(typeof eventTopics)[T]>;

/** An event to publish: order events name their owner, public ones (stock) do not. */
export type NewEvent = {
  [T in EventTopic]: { topic: T; payload: EventPayload<T>; ownerId?: string };
}[EventTopic];

/** An event as committed: its outbox id orders it among all others. */
export type StoredEvent = {
  [T in EventTopic]: { id: number; topic: T; payload: EventPayload<T>; ownerId: string | null; createdAt: Date };
}[EventTopic];

interface EventRow {
  id: number;
  topic: string;
  payload: unknown;
  ownerId: string | null;
  createdAt: Date;
}

function isTopic(topic: string): topic is EventTopic {
  return Object.hasOwn(eventTopics, topic);
}

/** A row read back from the outbox, or null when its topic or payload is not one this code knows. */
export function parseStoredEvent(row: EventRow): StoredEvent | null {
  if (!isTopic(row.topic)) return null;
  const payload = eventTopics[row.topic].safeParse(row.payload);
  if (!payload.success) return null;
  return { ...row, topic: row.topic, payload: payload.data } as StoredEvent;
}
