import { address } from "./address";
import { z } from "zod";

const when = z.iso.datetime();

/** Everything the shop holds about one account, as its owner downloads it. Secrets (hashes) are left out. */
export const accountExport = z.object({
  exportedAt: when,
  account: z.object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.string(),
    emailVerified: z.boolean(),
    orderUpdateMail: z.boolean(),
    createdAt: when,
  }),
  signInMethods: z.object({ hasPassword: z.boolean(), providers: z.array(z.string()) }),
  sessions: z.array(
    z.object({
      createdAt: when,
      expiresAt: when,
      endedAt: when.nullable(),
      userAgent: z.string().nullable(),
      clientIp: z.string().nullable(),
    }),
  ),
  apiTokens: z.array(
    z.object({
      name: z.string(),
      prefix: z.string(),
      scopes: z.array(z.string()),
      createdAt: when,
      expiresAt: when,
      lastUsedAt: when.nullable(),
      revokedAt: when.nullable(),
    }),
  ),
  cart: z.array(z.object({ productName: z.string(), quantity: z.number().int() })),
  addresses: z.array(address),
  orders: z.array(
    z.object({
      id: z.uuid(),
      status: z.string(),
      totalCents: z.number().int(),
      currency: z.string(),
      shippingAddress: address.nullable(),
      createdAt: when,
      items: z.array(
        z.object({ productName: z.string(), unitPriceCents: z.number().int(), quantity: z.number().int() }),
      ),
      payments: z.array(
        z.object({
          kind: z.string(),
          status: z.string(),
          amountCents: z.number().int(),
          cardLast4: z.string().nullable(),
          createdAt: when,
        }),
      ),
    }),
  ),
  activity: z.array(z.object({ action: z.string(), at: when, clientIp: z.string().nullable() })),
});

export const deleteAccountInput = z.object({
  currentPassword: z.string().min(1, "Type your password to confirm").max(128),
});

export const mailPreferences = z.object({
  /** Shipped and delivered notices; order confirmations, cancellations and security mail always go out. */
  orderUpdates: z.boolean(),
});

export type AccountExport = z.infer<typeof accountExport>;
export type MailPreferences = z.infer<typeof mailPreferences>;
