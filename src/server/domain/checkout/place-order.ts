import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import { env } from "@/env";
import type { AddressDto } from "@/lib/contracts/address";
import type { PlaceOrderInput, PlaceOrderResult } from "@/lib/contracts/orders";
import { cartItems, orderItems, orders, orderStatusHistory, products } from "../../db/schema";
import type { Db, Tx } from "../../db/types";
import type { Actor } from "../actor";
import { STORE_CURRENCY } from "../catalog/product-row";
import { DomainError } from "../errors";
import { publishEvents } from "../../events/publish";
import type { NewEvent } from "../../events/topics";
import { getOwnOrder } from "../orders/get-order";
import { openPaymentSession, type PaymentDependencies } from "../payments/open-payment-session";
import { scheduleSettlement } from "../payments/schedule-settlement";
import { normalizeCode } from "../discounts/find-discount-code";
import { redeemDiscount } from "../discounts/redeem-discount";
import { priceCheckout } from "./price-checkout";
import { logger } from "../../observability/logger";

interface CartLine {
  productId: string;
  quantity: number;
  name: string;
  slug: string;
  priceCents: number;
}

/** The order's money columns are 32-bit integers of cents. */
const MAX_ORDER_TOTAL_CENTS = 2_147_483_647;

function fingerprint(lines: CartLine[]): string {
  return lines.map((line) => `${line.productId}:${line.quantity}`).join(",");
}

/**
 * Locks the actor's cart rows, so concurrent checkouts by the same user run one
 * after the other: the second sees the first's order and an empty cart.
 * Ordered by product id so every transaction takes product locks in one order.
 */
function lockCart(tx: Tx, actor: Actor): Promise<CartLine[]> {
  return tx
    .select({
      productId: cartItems.productId,
      quantity: cartItems.quantity,
      name: products.name,
      slug: products.slug,
      priceCents: products.priceCents,
    })
    .from(cartItems)
    .innerJoin(products, eq(products.id, cartItems.productId))
    .where(eq(cartItems.userId, actor.id))
    .orderBy(asc(cartItems.productId))
    .for("update", { of: cartItems });
}

async function findOrderForKey(tx: Tx, actor: Actor, idempotencyKey: string) {
  const [existing] = await tx
    .select({
      id: orders.id,
      cartFingerprint: orders.cartFingerprint,
      shippingAddress: orders.shippingAddress,
      shippingMethod: orders.shippingMethod,
      discountCode: orders.discountCode,
    })
    .from(orders)
    .where(and(eq(orders.userId, actor.id), eq(orders.idempotencyKey, idempotencyKey)))
    .limit(1);
  return existing;
}

type KeyedOrder = NonNullable<Awaited<ReturnType<typeof findOrderForKey>>>;

function addressFingerprint({ name, line1, line2, city, postalCode, country, phone }: AddressDto): string {
  return JSON.stringify([name, line1, line2, city, postalCode, country, phone]);
}

/** Whether a repeated key asks for what its order was placed with: where, how and with which code. */
function sameRequest(existing: KeyedOrder, input: PlaceOrderInput): boolean {
  return (
    existing.shippingAddress !== null &&
    addressFingerprint(existing.shippingAddress) === addressFingerprint(input.shippingAddress) &&
    existing.shippingMethod === input.shippingMethod &&
    (existing.discountCode ?? "") === normalizeCode(input.discountCode ?? "")
  );
}

/**
 * A repeated key returns its order, unless it now asks for something else: a different, non-empty
 * cart, or another address, method or code (a retry after a lost answer must not ship the old way).
 */
function replay(existing: KeyedOrder, lines: CartLine[], input: PlaceOrderInput): string {
  const otherCart = lines.length > 0 && fingerprint(lines) !== existing.cartFingerprint;
  if (otherCart || !sameRequest(existing, input)) {
    throw new DomainError(
      "UNPROCESSABLE_CONTENT",
      otherCart
        ? "This checkout was already completed with a different cart. Reload the checkout page to place a new order."
        : "This checkout was already completed with another address, shipping method or code. Reload the checkout page to place a new order.",
      { orderId: existing.id },
    );
  }
  return existing.id;
}

/** Takes every line's quantity from stock in one statement each; reports all lines that are short. */
async function takeStock(tx: Tx, lines: CartLine[]): Promise<NewEvent[]> {
  const short: string[] = [];
  const changes: NewEvent[] = [];
  for (const line of lines) {
    const [updated] = await tx
      .update(products)
      .set({ stock: sql`${products.stock} - ${line.quantity}` })
      .where(and(eq(products.id, line.productId), eq(products.active, true), gte(products.stock, line.quantity)))
      .returning({ stock: products.stock });
    if (updated) changes.push({ topic: "stock.changed", payload: { productId: line.productId, stock: updated.stock } });
    else short.push(line.productId);
  }
  if (short.length > 0) {
    throw new DomainError(
      "CONFLICT",
      short.length === 1
        ? "One item in your cart is no longer available in the quantity you asked for."
        : `${short.length} items in your cart are no longer available in the quantities you asked for.`,
      { productIds: short },
    );
  }
  return changes;
}

async function orderForPayment(db: Db, orderId: string) {
  const [order] = await db
    .select({
      id: orders.id,
      userId: orders.userId,
      status: orders.status,
      totalCents: orders.totalCents,
      currency: orders.currency,
      paymentDueAt: orders.paymentDueAt,
    })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (!order) throw new Error(`order ${orderId} vanished after checkout`);
  return order;
}

/**
 * Turns the actor's cart into an order awaiting payment in one transaction:
 * prices from the database, totals (discount, shipping, tax) computed here
 * only, a discount code's use taken under its row lock, stock held atomically
 * per line (all lines or none), cart emptied, outbox events and the hold's
 * expiry job written. Then a
 * payment page is opened at the provider; the provider's webhook marks the
 * order paid. Idempotent per (user, key): a replay gets the same order and
 * its open payment page.
 */
export async function placeOrder(
  db: Db,
  actor: Actor,
  input: PlaceOrderInput,
  dependencies: PaymentDependencies,
): Promise<PlaceOrderResult> {
  const { idempotencyKey } = input;
  const orderId = await db.transaction(async (tx) => {
    const lines = await lockCart(tx, actor);
    const existing = await findOrderForKey(tx, actor, idempotencyKey);
    if (existing) return replay(existing, lines, input);
    if (lines.length === 0) throw new DomainError("BAD_REQUEST", "Your cart is empty.");

    const pricing = await priceCheckout(tx, {
      subtotalCents: lines.reduce((sum, line) => sum + line.priceCents * line.quantity, 0),
      country: input.shippingAddress.country,
      method: input.shippingMethod,
      discountCode: input.discountCode,
      buyer: { userId: actor.id, email: actor.email },
    });
    if (pricing.discount && !pricing.discount.applies) {
      const { reason, message } = pricing.discount;
      // Uses running out is a conflict with other buyers, as when the row lock finds them gone.
      const code = reason === "used_up" || reason === "used_by_you" ? "CONFLICT" : "UNPROCESSABLE_CONTENT";
      throw new DomainError(code, message, { discountCode: reason });
    }
    const { totals } = pricing;
    if (totals.totalCents > MAX_ORDER_TOTAL_CENTS) {
      throw new DomainError(
        "UNPROCESSABLE_CONTENT",
        "This order is too large to take in one payment. Split it into smaller orders.",
      );
    }
    const paymentDueAt = new Date(Date.now() + env.PAYMENT_HOLD_MINUTES * 60_000);
    const [created] = await tx
      .insert(orders)
      .values({
        userId: actor.id,
        status: "awaiting_payment",
        subtotalCents: totals.subtotalCents,
        discountCents: totals.discountCents,
        shippingCents: totals.shippingCents ?? 0,
        taxCents: totals.taxCents ?? 0,
        totalCents: totals.totalCents,
        taxMode: pricing.taxMode,
        discountCode: pricing.discount?.applies ? pricing.discount.code.code : null,
        shippingMethod: input.shippingMethod,
        shippingAddress: input.shippingAddress,
        currency: STORE_CURRENCY,
        idempotencyKey,
        cartFingerprint: fingerprint(lines),
        paymentDueAt,
      })
      .onConflictDoNothing({ target: [orders.userId, orders.idempotencyKey] })
      .returning({ id: orders.id, totalCents: orders.totalCents });
    if (!created) {
      // Another transaction with this key committed between our check and insert.
      const winner = await findOrderForKey(tx, actor, idempotencyKey);
      if (!winner) throw new Error("idempotency key conflict without an order");
      return replay(winner, [], input);
    }
    if (pricing.discount?.applies) {
      await redeemDiscount(tx, pricing.discount.code, {
        orderId: created.id,
        userId: actor.id,
        email: actor.email,
        discountCents: totals.discountCents,
      });
    }

    const stockEvents = await takeStock(tx, lines);
    await tx.insert(orderItems).values(
      lines.map((line) => ({
        orderId: created.id,
        productId: line.productId,
        productName: line.name,
        productSlug: line.slug,
        unitPriceCents: line.priceCents,
        quantity: line.quantity,
      })),
    );
    await tx.insert(orderStatusHistory).values({
      orderId: created.id,
      fromStatus: null,
      toStatus: "awaiting_payment",
      actorId: actor.id,
      note: "Order placed; the items are held while you pay",
    });
    // Only the lines bought: one added in another tab after the lock stays in the cart.
    await tx.delete(cartItems).where(
      and(
        eq(cartItems.userId, actor.id),
        inArray(
          cartItems.productId,
          lines.map((line) => line.productId),
        ),
      ),
    );
    await scheduleSettlement(tx, created.id, paymentDueAt);
    await publishEvents(tx, [
      { topic: "order.created", payload: { orderId: created.id, totalCents: created.totalCents }, ownerId: actor.id },
      ...stockEvents,
    ]);
    return created.id;
  });

  const order = await orderForPayment(db, orderId);
  const paymentUrl =
    order.status === "awaiting_payment"
      ? await openPaymentSession(db, dependencies.payments, dependencies.pages, order).catch((error: unknown) => {
          // The order is committed and holds its stock: answer with it, and the shopper pays from its page.
          logger.warn({ err: error, orderId }, "could not open a payment page; the order page offers to pay");
          return null;
        })
      : null;
  // Read after the session opened: a replay may have found the order paid meanwhile.
  return { order: await getOwnOrder(db, actor, orderId), paymentUrl };
}
