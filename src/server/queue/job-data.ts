import { z } from "zod";
import { mailSchema } from "./mail-kinds";
import type { QueueName } from "../db/job-queue";

/** What each queue's jobs carry; a handler parses its job with the same schema. */
export const jobDataSchemas = {
  /** One mail; `messageKey` makes its Message-ID, the same on every attempt. */
  "mail.send": z.object({ messageKey: z.string().min(1).max(200), mail: mailSchema }),
  /** The mail an order event causes (placed, shipped, delivered, cancelled), from the outbox row. */
  "mail.order-event": z.object({ eventId: z.number().int().positive() }),
  "events.prune": z.object({}),
  "auth.prune-expired": z.object({}),
} satisfies Record<QueueName, z.ZodType>;

export type JobData<Q extends QueueName> = z.infer<(typeof jobDataSchemas)[Q]>;
