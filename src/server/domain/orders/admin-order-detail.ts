import { asc, eq } from "drizzle-orm";
import type { AdminOrderDetailDto } from "@/lib/contracts/admin";
import { orders, paymentEvents, paymentSessions, users } from "../../db/schema";
import type { Db } from "../../db/types";
import { DomainError } from "../errors";
import { readOrder } from "./get-order";

/** Any order for the store: lines, history, payments, and what the provider reported about it. */
export async function adminOrderDetail(db: Db, orderId: string): Promise<AdminOrderDetailDto> {
  const [customer] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.userId))
    .where(eq(orders.id, orderId));
  if (!customer) throw new DomainError("NOT_FOUND", "We could not find that order.");
  const [order, sessions, providerEvents] = await Promise.all([
    readOrder(db, orderId, null),
    db
      .select({
        provider: paymentSessions.provider,
        sessionId: paymentSessions.sessionId,
        status: paymentSessions.status,
        amountCents: paymentSessions.amountCents,
        createdAt: paymentSessions.createdAt,
        expiresAt: paymentSessions.expiresAt,
      })
      .from(paymentSessions)
      .where(eq(paymentSessions.orderId, orderId))
      .orderBy(asc(paymentSessions.createdAt)),
    db
      .select({
        provider: paymentEvents.provider,
        eventId: paymentEvents.eventId,
        type: paymentEvents.type,
        outcome: paymentEvents.outcome,
        occurredAt: paymentEvents.occurredAt,
        receivedAt: paymentEvents.receivedAt,
      })
      .from(paymentEvents)
      .where(eq(paymentEvents.orderId, orderId))
      .orderBy(asc(paymentEvents.id)),
  ]);
  return {
    order,
    customer,
    paymentSessions: sessions.map((session) => ({
      ...session,
      createdAt: session.createdAt.toISOString(),
      expiresAt: session.expiresAt.toISOString(),
    })),
    providerEvents: providerEvents.map((event) => ({
      ...event,
      occurredAt: event.occurredAt.toISOString(),
      receivedAt: event.receivedAt.toISOString(),
    })),
  };
}
