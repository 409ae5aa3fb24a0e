import { z } from "zod";

/** Outbox ids as tracked event ids: what EventSource sends back as Last-Event-ID. */
export const lastEventId = z
  .string()
  .regex(/^\d{1,15}$/, "lastEventId must be an event id from this stream")
  .nullish()
  .transform((value) => (value ? Number(value) : null));

export const liveStockInput = z.object({
  productIds: z.array(z.uuid("Unknown product id")).min(1).max(100, "At most 100 products").optional(),
  lastEventId,
});

/** No input is the same as `{}`: events from now on. */
export const liveOrdersInput = z.object({ lastEventId }).default({ lastEventId: null });

/** Where the outbox stood: a page subscribes from here (as its lastEventId). */
export const livePositionOutput = z.object({ lastEventId: z.string().regex(/^\d{1,15}$/) });
