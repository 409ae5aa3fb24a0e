import { tracked, type TRPCRouterRecord } from "@trpc/server";
import { noInput } from "@/lib/contracts/common";
import { liveOrdersInput, livePositionOutput, liveStockInput } from "@/lib/contracts/live";
import { EventStream, type StreamItem } from "../../events/stream";
import { whileSignedIn } from "../stream-liveness";
import { procedure } from "../trpc";

function refresh(item: Extract<StreamItem, { kind: "refresh" }>) {
  return tracked(String(item.id), { kind: "refresh" as const });
}

export const liveRouter = {
  /**
   * Anyone: the newest event this process has passed on. A page reads it
   * before its data and subscribes from it, so nothing that commits between
   * the render (or a cached copy of it) and the stream opening is missed.
   */
  position: procedure("public")
    .input(noInput)
    .output(livePositionOutput)
    .query(async ({ ctx }) => ({ lastEventId: String((await ctx.getEventBus()).position()) })),

  /** Anyone: stock levels as they change, for all products or the ones named; resumable. */
  stock: procedure("public")
    .input(liveStockInput)
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

  /** Customers: status changes of their own orders only; resumable; ends when their session or token does. */
  orders: procedure("read:order:own")
    .input(liveOrdersInput)
    .subscription(async ({ ctx, input, signal }) => {
      const bus = await ctx.getEventBus();
      // Checks start last: nothing may fail between them and the stream that stops them.
      const caller = whileSignedIn(ctx, signal ?? new AbortController().signal);
      return new EventStream({
        bus,
        db: ctx.db,
        // A payment event (a decline, a refund) changes what the order page shows without a new status.
        filter: { topics: ["order.status", "order.payment"], ownerId: ctx.actor.id },
        lastEventId: input.lastEventId,
        signal: caller.signal,
        onEnd: caller.stop,
        map: (item) => {
          if (item.kind === "refresh") return refresh(item);
          if (item.event.topic !== "order.status" && item.event.topic !== "order.payment") return null;
          const { orderId, status } = item.event.payload;
          return tracked(String(item.event.id), { kind: "order" as const, orderId, status });
        },
      });
    }),
} satisfies TRPCRouterRecord;
