import { events } from "../../db/schema";
import type { DbOrTx } from "../../db/types";

export type DomainEvent =
  | { topic: "stock.changed"; payload: { productId: string; stock: number } }
  | { topic: "order.created"; payload: { orderId: string; userId: string; totalCents: number } }
  | { topic: "order.status"; payload: { orderId: string; userId: string; status: string } };

/** Writes outbox rows; call it inside the transaction that makes the change. */
export async function recordEvents(tx: DbOrTx, changes: DomainEvent[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.insert(events).values(changes.map((change) => ({ topic: change.topic, payload: change.payload })));
}
