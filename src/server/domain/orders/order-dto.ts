import { z } from "zod";
import { orderStatuses } from "@/lib/order-status";
import { orders } from "../../db/schema";

/** The order columns every order result starts from, selected explicitly. */
export const orderColumns = {
  id: orders.id,
  status: orders.status,
  totalCents: orders.totalCents,
  currency: orders.currency,
  createdAt: orders.createdAt,
};

export const orderSummaryDto = z.object({
  id: z.uuid(),
  status: z.enum(orderStatuses),
  totalCents: z.number().int(),
  currency: z.string(),
  itemCount: z.number().int(),
  createdAt: z.iso.datetime(),
});

export const orderDto = orderSummaryDto.extend({
  updatedAt: z.iso.datetime(),
  items: z.array(
    z.object({
      productId: z.uuid(),
      productName: z.string(),
      productSlug: z.string(),
      unitPriceCents: z.number().int(),
      quantity: z.number().int(),
      lineTotalCents: z.number().int(),
    }),
  ),
  history: z.array(
    z.object({
      fromStatus: z.enum(orderStatuses).nullable(),
      toStatus: z.enum(orderStatuses),
      note: z.string().nullable(),
      createdAt: z.iso.datetime(),
    }),
  ),
  payments: z.array(
    z.object({
      kind: z.enum(["charge", "refund"]),
      amountCents: z.number().int(),
      cardLast4: z.string().nullable(),
      createdAt: z.iso.datetime(),
    }),
  ),
});

export const orderPageDto = z.object({ items: z.array(orderSummaryDto), nextCursor: z.string().nullable() });

export type OrderDto = z.infer<typeof orderDto>;
export type OrderPageDto = z.infer<typeof orderPageDto>;
