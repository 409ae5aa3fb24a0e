import { randomBytes } from "node:crypto";
import { testProviderEvents } from "../../db/schema";
import type { DbOrTx } from "../../db/types";
import { enqueueJob } from "../../queue/enqueue";
import type { TestEventBody } from "./event-body";

export function providerId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString("hex")}`;
}

/** Records an event and queues its delivery, in the caller's transaction: like a real provider, it retries until taken. */
export async function emitEvent(tx: DbOrTx, type: TestEventBody["type"], data: TestEventBody["data"]): Promise<string> {
  const body: TestEventBody = { id: providerId("evt"), created: Math.floor(Date.now() / 1000), type, data };
  await tx.insert(testProviderEvents).values({ id: body.id, type, body });
  await enqueueJob(tx, "test-provider.deliver", { eventId: body.id }, { key: body.id });
  return body.id;
}
