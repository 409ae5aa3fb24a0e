import { z } from "zod";
import type { QueueName } from "../db/job-queue";

/** What each queue's jobs carry; a handler parses its job with the same schema. */
export const jobDataSchemas = {
  /** One mail, sealed (./sealed-mail.ts); `messageKey` makes its Message-ID, the same on every attempt. */
  "mail.send": z.object({ messageKey: z.string().min(1).max(200), sealed: z.string().min(1) }),
  /**
   * The mail an order event causes. It carries what happened, not only the event's id: the outbox
   * is pruned after EVENT_RETENTION_HOURS, and a job may be retried for longer than that.
   */
  "mail.order-event": z.object({
    eventId: z.number().int().positive(),
    orderId: z.uuid(),
    happened: z.enum(["placed", "shipped", "delivered", "cancelled", "expired"]),
  }),
  "events.prune": z.object({}),
  "auth.prune-expired": z.object({}),
  /** Reconciles an order awaiting payment with the provider, and expires it once its hold is over. */
  "payments.check-order": z.object({ orderId: z.uuid() }),
  /** Asks the provider to refund one charge; the refund row's id is the idempotency key. */
  "payments.refund": z.object({ refundId: z.uuid() }),
  "payments.sweep": z.object({}),
  /** The built-in test provider delivering one of its webhooks to the shop. */
  "test-provider.deliver": z.object({ eventId: z.string().startsWith("evt_") }),
  /** The test provider's delayed card going through. */
  "test-provider.settle": z.object({ sessionId: z.string().startsWith("tps_") }),
} satisfies Record<QueueName, z.ZodType>;

export type JobData<Q extends QueueName> = z.infer<(typeof jobDataSchemas)[Q]>;
