import { z } from "zod";
import { auditActions } from "../audit-actions";
import { orderStatuses } from "../order-status";
import { roles } from "../permissions";
import { countryCodes } from "../shop/countries";
import { shippingMethodIds } from "../shop/shipping-methods";
import { textInput } from "../validation/text";
import { product, productSlug } from "./catalog";
import { cents, cursorInput, isoDateTime, nextCursor } from "./common";
import { order, orderSummary } from "./orders";

export const MAX_PRICE_CENTS = 10_000_000;
export const MAX_STOCK = 1_000_000;

const productName = textInput(120, "Name must be at most 120 characters").trim().min(1, "Enter a name");
const description = textInput(2000, "Description must be at most 2,000 characters").trim();
const priceCents = z
  .number({ error: "Enter a price" })
  .int("Price must be whole cents")
  .min(0, "Price cannot be negative")
  .max(MAX_PRICE_CENTS, "Price is too high");
const stock = z
  .number({ error: "Enter a stock level" })
  .int("Stock must be a whole number")
  .min(0, "Stock cannot be negative")
  .max(MAX_STOCK, "Stock is too high");
const imageUrl = textInput(500, "Picture address is too long")
  .regex(
    /^(\/(?!\/)[\w\-./]+|https:\/\/\S+)$/,
    "Use a path on this site such as /products/mug.png or an https:// address",
  )
  .nullable();

const categoryId = z.uuid("Choose one of the categories").meta({ description: "The category the product goes in." });

/** The fields an admin edits; the form uses the same schema as the server. */
export const createProductInput = z.object({
  name: productName,
  slug: productSlug,
  description: description.default(""),
  priceCents,
  stock,
  imageUrl: imageUrl.optional(),
  categoryId: categoryId.optional(),
});

/** Only the fields sent change: no defaults here, so a missing field never overwrites one. */
export const updateProductInput = z.object({
  id: z.uuid(),
  name: productName.optional(),
  slug: productSlug.optional(),
  description: description.optional(),
  priceCents: priceCents.optional(),
  imageUrl: imageUrl.optional(),
  categoryId: categoryId.optional(),
  /** Set true to bring an archived product back into the catalog. */
  active: z.boolean().optional(),
});

export const productIdInput = z.object({ id: z.uuid("Product ids are UUIDs") });

export const adminProduct = product
  .extend({
    imageUrl: z
      .string()
      .nullable()
      .meta({ description: "The product's own picture; null when the shop shows one it drew." }),
    active: z.boolean(),
    updatedAt: isoDateTime,
  })
  .meta({ id: "AdminProduct" });

export const adminProductsInput = z.object({
  cursor: cursorInput,
  limit: z.number().int().min(1).max(100).default(25),
  q: textInput(100, "Search must be at most 100 characters").trim().optional(),
});

export const adminProductPage = z.object({ items: z.array(adminProduct), nextCursor });

export const adjustInventoryInput = z.object({
  productId: z.uuid("Unknown product id"),
  delta: z
    .number()
    .int("Change the stock by whole units")
    .min(-MAX_STOCK)
    .max(MAX_STOCK)
    .refine((value) => value !== 0, "Enter a change other than zero"),
  reason: textInput(200, "Reason must be at most 200 characters").trim().min(1, "Say why the stock changes"),
});

export const customerSummary = z.object({ id: z.uuid(), email: z.string(), name: z.string() });

/** Enough of the address to sort the fulfilment queue by; the order itself holds the whole copy. */
export const shipTo = z
  .object({ name: z.string(), city: z.string(), country: z.enum(countryCodes) })
  .nullable()
  .meta({ description: "Null on orders placed before addresses existed." });

export const adminOrderSummary = orderSummary.extend({
  customer: customerSummary,
  shipTo,
  shippingMethod: z.enum(shippingMethodIds).nullable(),
});

export const adminOrdersInput = z.object({
  cursor: cursorInput,
  limit: z.number().int().min(1).max(100).default(25),
  status: z.enum(orderStatuses).optional(),
  /** Orders awaiting payment longer than a provider's webhook usually takes (PAYMENT_RECONCILE_SECONDS). */
  stuck: z.boolean().optional(),
});

export const adminOrderPage = z.object({ items: z.array(adminOrderSummary), nextCursor });

export const adminOrderInput = z.object({ id: z.uuid("Order ids are UUIDs") });

/** One order as the store sees it: the customer's view plus the provider's sessions and events. */
export const adminOrderDetail = z.object({
  order,
  customer: customerSummary,
  paymentSessions: z.array(
    z.object({
      provider: z.string(),
      sessionId: z.string(),
      status: z.enum(["open", "paid", "failed", "expired"]),
      amountCents: z.number().int(),
      createdAt: isoDateTime,
      expiresAt: isoDateTime,
    }),
  ),
  providerEvents: z.array(
    z.object({
      provider: z.string(),
      eventId: z.string(),
      type: z.string(),
      outcome: z.string(),
      occurredAt: isoDateTime,
      receivedAt: isoDateTime,
    }),
  ),
});

export const cancelOrderInput = z.object({
  id: z.uuid("Order ids are UUIDs"),
  reason: textInput(200, "Reason must be at most 200 characters").trim().min(1, "Say why the order is cancelled"),
});

/** Fulfilment moves forward only: paid → shipped → delivered. */
export const fulfilmentStatuses = ["shipped", "delivered"] as const;

export const setOrderStatusInput = z.object({
  id: z.uuid("Order ids are UUIDs"),
  status: z.enum(fulfilmentStatuses),
});

export const auditListInput = z.object({
  cursor: cursorInput,
  limit: z.number().int().min(1).max(100).default(50),
  /** The contract's name: the id of the user who acted. */
  actor: z.uuid("Actors are user ids (UUIDs)").optional(),
  action: z.enum(auditActions).optional(),
});

export const auditEntry = z.object({
  id: z.number().int(),
  actorId: z.uuid().nullable(),
  actorEmail: z.string().nullable(),
  action: z.enum(auditActions),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
  clientIp: z.string().nullable(),
  createdAt: isoDateTime,
});

export const auditPage = z.object({ items: z.array(auditEntry), nextCursor });

export const usersListInput = z.object({
  cursor: cursorInput,
  limit: z.number().int().min(1).max(100).default(25),
  q: textInput(100, "Search must be at most 100 characters").trim().optional(),
});

export const adminUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  disabled: z.boolean(),
  createdAt: isoDateTime,
});

export const usersPage = z.object({ items: z.array(adminUser), nextCursor });

export const setRoleInput = z.object({ userId: z.uuid("User ids are UUIDs"), role: z.enum(roles) });

export const setDisabledInput = z.object({ userId: z.uuid("User ids are UUIDs"), disabled: z.boolean() });

export const dashboard = z.object({
  days: z.array(z.object({ date: z.string(), revenueCents: z.number().int(), orders: z.number().int() })),
  totals: z.object({ revenueCents: cents("Revenue of the period, cancellations excluded."), orders: z.number().int() }),
  lowStock: z.array(z.object({ id: z.uuid(), slug: z.string(), name: z.string(), stock: z.number().int() })),
  recentOrders: z.array(adminOrderSummary),
});

export type AdminProductDto = z.infer<typeof adminProduct>;
export type CreateProductInput = z.infer<typeof createProductInput>;
export type UpdateProductInput = z.infer<typeof updateProductInput>;
export type AdjustInventoryInput = z.infer<typeof adjustInventoryInput>;
export type AdminOrderDetailDto = z.infer<typeof adminOrderDetail>;
export type AdminOrderSummaryDto = z.infer<typeof adminOrderSummary>;
export type AuditEntryDto = z.infer<typeof auditEntry>;
export type AdminUserDto = z.infer<typeof adminUser>;
export type DashboardDto = z.infer<typeof dashboard>;
