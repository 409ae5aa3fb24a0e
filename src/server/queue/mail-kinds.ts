import { z } from "zod";
import { address } from "@/lib/contracts/address";
import { shippingMethodIds } from "@/lib/shop/shipping-methods";
import { taxModes } from "@/lib/shop/tax-rates";

const recipient = { to: z.email(), name: z.string().min(1).max(200) };

// Every field required: order mails are built when their job runs, from the stored order, so no
// queued payload predates one (only the other kinds travel sealed in mail.send jobs).
const orderSummary = z.object({
  id: z.uuid(),
  lines: z.array(z.object({ name: z.string(), quantity: z.number().int().min(1), unitPriceCents: z.number().int() })),
  /** The total's lines as checkout charged them, named as on the order's page. */
  subtotalCents: z.number().int(),
  discountCents: z.number().int(),
  discountCode: z.string().nullable(),
  shippingCents: z.number().int(),
  shippingMethod: z.enum(shippingMethodIds).nullable(),
  taxCents: z.number().int(),
  taxMode: z.enum(taxModes),
  totalCents: z.number().int().min(0),
  /** Null on orders placed before addresses existed. */
  shipTo: address.nullable(),
  placedAt: z.iso.datetime(),
});

/**
 * Every mail the shop sends, as the data its template needs. A job carries one
 * of these; the template (./templates) turns it into HTML and plain text.
 * `unsubscribeUrl` marks a mail the customer may turn off (non-essential).
 */
export const mailSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("verify-email"), ...recipient, url: z.url() }),
  z.object({ kind: z.literal("password-reset"), ...recipient, url: z.url(), validMinutes: z.number().int() }),
  z.object({ kind: z.literal("password-changed"), ...recipient, resetUrl: z.url() }),
  /** To the old address when the account moves to a new one. */
  z.object({ kind: z.literal("email-changed"), ...recipient, newEmail: z.email() }),
  z.object({ kind: z.literal("account-deleted"), ...recipient }),
  z.object({ kind: z.literal("order-placed"), ...recipient, order: orderSummary, orderUrl: z.url() }),
  z.object({
    kind: z.literal("order-shipped"),
    ...recipient,
    order: orderSummary,
    orderUrl: z.url(),
    unsubscribeUrl: z.url(),
  }),
  z.object({
    kind: z.literal("order-delivered"),
    ...recipient,
    order: orderSummary,
    orderUrl: z.url(),
    unsubscribeUrl: z.url(),
  }),
  /** The payment did not arrive within the hold: the items went back on sale. */
  z.object({ kind: z.literal("order-expired"), ...recipient, order: orderSummary, shopUrl: z.url() }),
  z.object({
    kind: z.literal("order-cancelled"),
    ...recipient,
    order: orderSummary,
    orderUrl: z.url(),
    refundCents: z.number().int().min(0),
  }),
]);

export type Mail = z.infer<typeof mailSchema>;
export type MailKind = Mail["kind"];
export type OrderSummary = z.infer<typeof orderSummary>;
