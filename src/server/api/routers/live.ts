import { tracked, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { EventStream, type StreamItem } from "../../events/stream";
import { protectedProcedure, publicProcedure } from "../trpc";

/** Outbox ids as tracked event ids: what EventSource sends back as Last-Event-ID. */
const lastEventId = z
  .string()
  .regex(/^\d{1,15}$/, "lastEventId must be an event id from this stream")
  .nullish()
  .transform((value) => (value ? Number(value) : null));

function refresh(item: Extract<StreamItem, { kind: "refresh" }>) {
  return tracked(String(item.id), { kind: "refresh" as const });
}

export const liveRouter = {
  /** Anyone: stock levels as they change, for all products or the ones named; resumable. */
  stock: publicProcedure
    .input(
      z.object({
        productIds: z.array(z.uuid("Unknown product id")).min(1).max(100, "At most 100 products").optional(),
        lastEventId,
      }),
    )
    .subscription(async ({ ctx, input, signal }) => {
      return new EventStream({
        bus: await ctx.getEventBus(),
        db: ctx.db,
        filter: { topics: ["stock.changed"], productIds: input.productIds },
        lastEventId: input.lastEventId,
        signal: signal ?? new AbortController().signal,
        map: (item) => {
          if (item.kind === "refresh") return refresh(item);
          if (item.event.topic !== "stock.changed") return null;
          return tracked(String(item.event.id), { kind: "stock" as const, ...item.event.payload });
        },
      });
    }),

  /** Customers: status changes of their own orders only; resumable. */
  orders: protectedProcedure.input(z.object({ lastEventId })).subscription(async ({ ctx, input, signal }) => {
    return new EventStream({
      bus: await ctx.getEventBus(),
      db: ctx.db,
      filter: { topics: ["order.status"], ownerId: ctx.actor.id },
      lastEventId: input.lastEventId,
      signal: signal ?? new AbortController().signal,
      map: (item) => {
        if (item.kind === "refresh") return refresh(item);
        if (item.event.topic !== "order.status") return null;
        return tracked(String(item.event.id), { kind: "order" as const, ...item.event.payload });
      },
    });
  }),
} satisfies TRPCRouterRecord;
