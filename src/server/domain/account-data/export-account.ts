import { asc, desc, eq, inArray } from "drizzle-orm";
import type { AccountExport } from "@/lib/contracts/account-data";
import {
  addresses,
  accounts,
  apiTokens,
  auditLog,
  cartItems,
  orderItems,
  orders,
  payments,
  products,
  userSessions,
  users,
} from "../../db/schema";
import type { Db } from "../../db/types";
import type { CountryCode } from "@/lib/shop/countries";
import { DomainError } from "../errors";

const iso = (value: Date) => value.toISOString();
const isoOrNull = (value: Date | null) => (value ? value.toISOString() : null);

/** Everything held about one account, for its owner: profile, sign-ins, sessions, tokens, cart, orders, activity. */
export async function exportAccount(db: Db, userId: string): Promise<AccountExport> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new DomainError("NOT_FOUND", "This account no longer exists.");
  const [providers, sessions, tokens, cart, ownOrders, activity, book] = await Promise.all([
    db.select({ provider: accounts.provider }).from(accounts).where(eq(accounts.userId, userId)),
    db.select().from(userSessions).where(eq(userSessions.userId, userId)).orderBy(desc(userSessions.createdAt)),
    db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt)),
    db
      .select({ productName: products.name, quantity: cartItems.quantity })
      .from(cartItems)
      .innerJoin(products, eq(products.id, cartItems.productId))
      .where(eq(cartItems.userId, userId)),
    db.select().from(orders).where(eq(orders.userId, userId)).orderBy(desc(orders.createdAt)),
    db
      .select({ action: auditLog.action, at: auditLog.createdAt, clientIp: auditLog.clientIp })
      .from(auditLog)
      .where(eq(auditLog.actorId, userId))
      .orderBy(asc(auditLog.id)),
    db.select().from(addresses).where(eq(addresses.userId, userId)).orderBy(asc(addresses.createdAt)),
  ]);
  const orderIds = ownOrders.map((order) => order.id);
  const [items, moneys] = orderIds.length
    ? await Promise.all([
        db.select().from(orderItems).where(inArray(orderItems.orderId, orderIds)),
        db.select().from(payments).where(inArray(payments.orderId, orderIds)),
      ])
    : [[], []];
  return {
    exportedAt: new Date().toISOString(),
    account: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      emailVerified: user.emailVerified !== null,
      orderUpdateMail: user.orderUpdateMail,
      createdAt: iso(user.createdAt),
    },
    signInMethods: { hasPassword: user.passwordHash !== null, providers: providers.map((row) => row.provider) },
    sessions: sessions.map((session) => ({
      createdAt: iso(session.createdAt),
      expiresAt: iso(session.expiresAt),
      endedAt: isoOrNull(session.revokedAt),
      userAgent: session.userAgent,
      clientIp: session.clientIp,
    })),
    apiTokens: tokens.map((token) => ({
      name: token.name,
      prefix: token.prefix,
      scopes: token.scopes,
      createdAt: iso(token.createdAt),
      expiresAt: iso(token.expiresAt),
      lastUsedAt: isoOrNull(token.lastUsedAt),
      revokedAt: isoOrNull(token.revokedAt),
    })),
    cart,
    addresses: book.map(({ name, line1, line2, city, postalCode, country, phone }) => ({
      ...{ name, line1, line2, city, postalCode, phone },
      country: country as CountryCode,
    })),
    orders: ownOrders.map((order) => ({
      id: order.id,
      status: order.status,
      totalCents: order.totalCents,
      currency: order.currency,
      shippingAddress: order.shippingAddress,
      createdAt: iso(order.createdAt),
      items: items
        .filter((item) => item.orderId === order.id)
        .map(({ productName, unitPriceCents, quantity }) => ({ productName, unitPriceCents, quantity })),
      payments: moneys
        .filter((payment) => payment.orderId === order.id)
        .map((payment) => ({
          kind: payment.kind,
          status: payment.status,
          amountCents: payment.amountCents,
          cardLast4: payment.cardLast4,
          createdAt: iso(payment.createdAt),
        })),
    })),
    activity: activity.map((entry) => ({ action: entry.action, at: iso(entry.at), clientIp: entry.clientIp })),
  };
}
