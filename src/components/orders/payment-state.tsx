"use client";

import Link from "next/link";
import { formatDateTime } from "@/lib/format-date";
import { formatMoney } from "@/lib/money";
import type { RouterOutputs } from "@/trpc/types";
import { PayOrderButton } from "./pay-order-button";

type Order = RouterOutputs["orders"]["byId"];

/** The notice at the top of an order: where its payment stands, and what the shopper can do about it. */
export function PaymentState({ order, returned }: { order: Order; returned: boolean }) {
  const total = formatMoney(order.totalCents, order.currency);
  if (order.status === "awaiting_payment") {
    const last = order.payments.filter((payment) => payment.kind === "charge").at(-1);
    const due = order.paymentDueAt ? formatDateTime(order.paymentDueAt) : null;
    if (last?.status === "failed") {
      return (
        <div className="notice notice--error" role="alert" data-testid="payment-declined">
          <p style={{ marginTop: 0 }}>
            <strong>Your payment was declined</strong>
            {last.cardLast4 ? ` (card ending ${last.cardLast4})` : ""}. Nothing was charged.
            {due ? ` Your items are held until ${due}.` : ""}
          </p>
          <PayOrderButton orderId={order.id} label={`Pay again · ${total}`} />
        </div>
      );
    }
    return (
      <div className="notice" role="status" data-testid="awaiting-payment">
        <p style={{ marginTop: 0 }}>
          <strong>
            {returned
              ? "Waiting for payment confirmation from the payment provider…"
              : "This order is awaiting payment."}
          </strong>{" "}
          {returned
            ? "This page updates by itself when it arrives."
            : `Your items are held${due ? ` until ${due}` : ""}; after that the order expires.`}
        </p>
        <PayOrderButton orderId={order.id} label={returned ? "Open the payment page again" : `Pay now · ${total}`} />
      </div>
    );
  }
  if (order.status === "expired") {
    return (
      <div className="notice notice--warning" role="status" data-testid="order-expired">
        <strong>This order expired unpaid.</strong> Nothing was charged and the items went back on sale.{" "}
        <Link href="/">Shop again</Link>
      </div>
    );
  }
  if (order.status === "paid" && returned) {
    return (
      <div className="notice notice--success" role="status" data-testid="order-paid">
        <strong>Thank you! Your payment is confirmed.</strong> Its status below updates by itself as it moves on.{" "}
        <Link href="/">Continue shopping</Link>
      </div>
    );
  }
  return null;
}

const refundWords = { pending: "being refunded", succeeded: "refunded", failed: "refund failed" } as const;

/** Every money movement of the order: charges, declined attempts, refunds. */
export function PaymentLines({ order }: { order: Order }) {
  if (order.payments.length === 0) return <p>No payment yet.</p>;
  return (
    <ul style={{ margin: 0, paddingLeft: "1.25rem" }}>
      {order.payments.map((payment, index) => {
        const amount = formatMoney(payment.amountCents, order.currency);
        const card = payment.cardLast4 ? ` to the card ending ${payment.cardLast4}` : "";
        const when = formatDateTime(payment.createdAt);
        if (payment.kind === "refund") {
          return (
            <li key={index} data-testid="refund" data-status={payment.status}>
              {amount} {refundWords[payment.status]}
              {card} · {when}
            </li>
          );
        }
        return (
          <li key={index} data-testid="charge" data-status={payment.status}>
            {payment.status === "failed" ? `Declined: ${amount}${card}` : `${amount} charged${card}`} · {when}
          </li>
        );
      })}
    </ul>
  );
}
