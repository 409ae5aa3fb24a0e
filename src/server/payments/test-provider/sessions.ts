import { and, eq, inArray, lt } from "drizzle-orm";
import { env } from "@/env";
import { testProviderRefunds, testProviderSessions } from "../../db/schema";
import type { Db, Tx } from "../../db/types";
import type { RefundRequest, SessionRequest, SessionStatus } from "../../domain/payments/payment-provider";
import { shopOrigin } from "../../mail/links";
import { enqueueJob } from "../../queue/enqueue";
import type { TestCardBehaviour } from "./card-input";
import { deliverPromptly } from "./deliver-webhook";
import { emitEvent, providerId } from "./emit-event";

type Session = typeof testProviderSessions.$inferSelect;

/** The provider's hosted page for a session. */
export function paymentPageUrl(sessionId: string): string {
  return `${shopOrigin()}/test-provider/pay/${sessionId}`;
}

/** The provider's API: opens a session (the same idempotency key returns the same one). */
export async function createSession(db: Db, request: SessionRequest): Promise<{ sessionId: string; url: string }> {
  await db
    .insert(testProviderSessions)
    .values({
      id: providerId("tps"),
      idempotencyKey: request.idempotencyKey,
      amountCents: request.amountCents,
      currency: request.currency,
      description: request.description,
      merchantReference: request.orderId,
      returnUrl: request.returnUrl,
      cancelUrl: request.cancelUrl,
      expiresAt: request.expiresAt,
    })
    .onConflictDoNothing({ target: testProviderSessions.idempotencyKey });
  const [session] = await db
    .select({ id: testProviderSessions.id })
    .from(testProviderSessions)
    .where(eq(testProviderSessions.idempotencyKey, request.idempotencyKey));
  if (!session) throw new Error("test provider session not written");
  return { sessionId: session.id, url: paymentPageUrl(session.id) };
}

async function lockSession(tx: Tx, sessionId: string): Promise<Session | undefined> {
  const [session] = await tx
    .select()
    .from(testProviderSessions)
    .where(eq(testProviderSessions.id, sessionId))
    .for("update");
  return session;
}

async function update(tx: Tx, sessionId: string, values: Partial<Session>): Promise<void> {
  await tx
    .update(testProviderSessions)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(testProviderSessions.id, sessionId));
}

/** Event ids emitted in a transaction, sent promptly once it commits (deliverPromptly). */
type Emitted = string[];

async function succeed(tx: Tx, session: Session, cardLast4: string | null, emitted: Emitted): Promise<void> {
  const chargeId = providerId("ch");
  await update(tx, session.id, { status: "succeeded", attemptId: chargeId, cardLast4 });
  emitted.push(
    await emitEvent(tx, "payment.succeeded", {
      session_id: session.id,
      charge_id: chargeId,
      amount: session.amountCents,
      currency: session.currency,
      card_last4: cardLast4,
    }),
  );
}

async function fail(
  tx: Tx,
  session: Session,
  cardLast4: string | null,
  reason: string,
  emitted: Emitted,
): Promise<void> {
  const attemptId = providerId("att");
  await update(tx, session.id, { status: "failed", attemptId, cardLast4, failureReason: reason });
  emitted.push(
    await emitEvent(tx, "payment.failed", {
      session_id: session.id,
      attempt_id: attemptId,
      card_last4: cardLast4,
      reason,
    }),
  );
}

/** Closes sessions past their time, with the event a real provider sends. */
async function expireIfOver(tx: Tx, session: Session, emitted: Emitted): Promise<Session> {
  if (!["open", "requires_action"].includes(session.status) || session.expiresAt > new Date()) return session;
  await update(tx, session.id, { status: "expired" });
  emitted.push(await emitEvent(tx, "session.expired", { session_id: session.id }));
  return { ...session, status: "expired" };
}

/** Runs `change` in a transaction, then sends the events it emitted. */
async function withPromptEvents<T>(db: Db, change: (tx: Tx, emitted: Emitted) => Promise<T>): Promise<T> {
  const emitted: Emitted = [];
  const result = await db.transaction((tx) => change(tx, emitted));
  await deliverPromptly(db, emitted);
  return result;
}

/** A session as its page shows it (closed when its time is over). */
export async function readSession(db: Db, sessionId: string): Promise<Session | undefined> {
  return withPromptEvents(db, async (tx, emitted) => {
    const session = await lockSession(tx, sessionId);
    return session && expireIfOver(tx, session, emitted);
  });
}

export type Submitted = "paid" | "declined" | "authenticate" | "processing" | "closed";

/**
 * The card form's outcome. Only the behaviour of the test card and its last
 * four digits arrive here: the number itself is dropped by the page's action.
 */
export async function submitCard(
  db: Db,
  sessionId: string,
  card: { behaviour: TestCardBehaviour; last4: string },
): Promise<Submitted> {
  return withPromptEvents(db, async (tx, emitted) => {
    const locked = await lockSession(tx, sessionId);
    const session = locked && (await expireIfOver(tx, locked, emitted));
    if (!session || session.status !== "open") return "closed";
    switch (card.behaviour) {
      case "approved":
        await succeed(tx, session, card.last4, emitted);
        return "paid";
      case "declined":
        await fail(tx, session, card.last4, "card_declined", emitted);
        return "declined";
      case "authenticate":
        await update(tx, session.id, { status: "requires_action", cardLast4: card.last4 });
        return "authenticate";
      case "delayed": {
        await update(tx, session.id, { status: "processing", cardLast4: card.last4 });
        const startAfter = new Date(Date.now() + env.PAYMENT_TEST_DELAY_SECONDS * 1_000);
        await enqueueJob(tx, "test-provider.settle", { sessionId: session.id }, { key: session.id, startAfter });
        return "processing";
      }
    }
  });
}

/** The extra step's answer: the shopper confirmed (approved) or failed it (declined). */
export async function completeAuthentication(db: Db, sessionId: string, confirmed: boolean): Promise<Submitted> {
  return withPromptEvents(db, async (tx, emitted) => {
    const locked = await lockSession(tx, sessionId);
    const session = locked && (await expireIfOver(tx, locked, emitted));
    if (!session || session.status !== "requires_action") return "closed";
    if (confirmed) {
      await succeed(tx, session, session.cardLast4, emitted);
      return "paid";
    }
    await fail(tx, session, session.cardLast4, "authentication_failed", emitted);
    return "declined";
  });
}

/** The `test-provider.settle` job: the delayed card's payment goes through. */
export async function settleDelayed(db: Db, sessionId: string): Promise<string> {
  return withPromptEvents(db, async (tx, emitted) => {
    const session = await lockSession(tx, sessionId);
    if (!session || session.status !== "processing") return "nothing to settle";
    await succeed(tx, session, session.cardLast4, emitted);
    return "paid";
  });
}

/** The provider's API: how a session stands. */
export async function sessionStatus(db: Db, sessionId: string): Promise<SessionStatus> {
  const session = await readSession(db, sessionId);
  if (!session) throw new Error(`test provider has no session ${sessionId}`);
  if (session.status === "succeeded" && session.attemptId) {
    return {
      state: "paid",
      chargeReference: session.attemptId,
      amountCents: session.amountCents,
      currency: session.currency,
      cardLast4: session.cardLast4,
    };
  }
  if (session.status === "failed" && session.attemptId) {
    return {
      state: "failed",
      attemptReference: session.attemptId,
      reason: session.failureReason ?? "declined",
      cardLast4: session.cardLast4,
    };
  }
  return { state: session.status === "expired" ? "expired" : "open" };
}

/** The provider's API: refunds a charge once per request id, and reports it by webhook. */
export async function refundCharge(db: Db, request: RefundRequest): Promise<{ refundReference: string }> {
  return withPromptEvents(db, async (tx, emitted) => {
    const [charged] = await tx
      .select({ id: testProviderSessions.id })
      .from(testProviderSessions)
      .where(
        and(eq(testProviderSessions.attemptId, request.chargeReference), eq(testProviderSessions.status, "succeeded")),
      );
    if (!charged) throw new Error(`test provider has no charge ${request.chargeReference}`);
    const [created] = await tx
      .insert(testProviderRefunds)
      .values({
        id: providerId("re"),
        idempotencyKey: request.refundRequestId,
        chargeId: request.chargeReference,
        amountCents: request.amountCents,
        currency: request.currency,
      })
      .onConflictDoNothing({ target: testProviderRefunds.idempotencyKey })
      .returning({ id: testProviderRefunds.id });
    if (created) {
      emitted.push(
        await emitEvent(tx, "refund.succeeded", {
          refund_id: created.id,
          refund_request_id: request.refundRequestId,
          charge_id: request.chargeReference,
          amount: request.amountCents,
        }),
      );
      return { refundReference: created.id };
    }
    const [existing] = await tx
      .select({ id: testProviderRefunds.id })
      .from(testProviderRefunds)
      .where(eq(testProviderRefunds.idempotencyKey, request.refundRequestId));
    if (!existing) throw new Error("test provider refund vanished");
    return { refundReference: existing.id };
  });
}

/** Unused sessions past their time are closed by the provider's own clock too (part of the shop's sweep). */
export async function expireOverdueSessions(db: Db): Promise<number> {
  const overdue = await db
    .select({ id: testProviderSessions.id })
    .from(testProviderSessions)
    .where(
      and(
        inArray(testProviderSessions.status, ["open", "requires_action"]),
        lt(testProviderSessions.expiresAt, new Date()),
      ),
    )
    .limit(100);
  for (const { id } of overdue) await readSession(db, id);
  return overdue.length;
}
