"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { OrderLinesTable } from "@/components/orders/order-lines-table";
import { OrderTotals } from "@/components/orders/order-totals";
import { PaymentLines } from "@/components/orders/payment-state";
import { StatusBadge } from "@/components/orders/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { AdminOrderDetailDto } from "@/lib/contracts/admin";
import { formatDateTime } from "@/lib/format-date";
import { formatMoney } from "@/lib/money";
import { orderStatusLabels } from "@/lib/order-status";
import { shippingMethodName } from "@/lib/shipping-method-name";
import { useTRPC } from "@/trpc/react";
import { CancelOrderDialog } from "./cancel-order-dialog";
import { ShippingAddress } from "./shipping-address";

type Order = AdminOrderDetailDto["order"];
type PaymentSession = AdminOrderDetailDto["paymentSessions"][number];
type ProviderEvent = AdminOrderDetailDto["providerEvents"][number];

const sessionStatusLabels: Record<PaymentSession["status"], string> = {
  open: "Open",
  paid: "Paid",
  failed: "Failed",
  expired: "Closed unpaid",
};

/** The store cannot mark an order paid: only the provider's signed webhook does. */
function AwaitingPaymentNotice({ order }: { order: Order }) {
  if (order.status !== "awaiting_payment") return null;
  return (
    <div className="notice notice--warning" role="status" data-testid="payment-hold">
      <p style={{ margin: 0 }}>
        <strong>Awaiting payment.</strong>{" "}
        {order.paymentDueAt
          ? `The stock is held until ${formatDateTime(order.paymentDueAt)}; if no payment is confirmed by then, the order expires and the items go back on sale.`
          : "The stock is held until the payment hold ends; then the order expires unpaid."}{" "}
        The payment provider decides when it is paid: the order turns paid when its signed webhook arrives.
      </p>
    </div>
  );
}

function PaymentSessions({ sessions, currency }: { sessions: PaymentSession[]; currency: string }) {
  if (sessions.length === 0) {
    return <EmptyState testId="no-payment-sessions" message="No payment page was opened for this order." />;
  }
  return (
    <div className="table-scroll">
      <table className="table table--stack" aria-labelledby="payment-sessions-heading" data-testid="payment-sessions">
        <thead>
          <tr>
            <th scope="col">Provider</th>
            <th scope="col">Session id</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Opened</th>
            <th scope="col">Closes</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr
              key={`${session.provider}:${session.sessionId}`}
              data-testid="payment-session-row"
              data-status={session.status}
            >
              <td data-label="Provider">{session.provider}</td>
              <td data-label="Session id">
                <code>{session.sessionId}</code>
              </td>
              <td data-label="Status" data-testid="payment-session-status">
                {sessionStatusLabels[session.status]}
              </td>
              <td className="num" data-label="Amount">
                {formatMoney(session.amountCents, currency)}
              </td>
              <td data-label="Opened">{formatDateTime(session.createdAt)}</td>
              <td data-label="Closes">{formatDateTime(session.expiresAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ProviderEvents({ events }: { events: ProviderEvent[] }) {
  if (events.length === 0) {
    return <EmptyState testId="no-provider-events" message="The payment provider has not reported anything yet." />;
  }
  return (
    <div className="table-scroll">
      <table className="table table--stack" aria-labelledby="provider-events-heading" data-testid="provider-events">
        <thead>
          <tr>
            <th scope="col">Event id</th>
            <th scope="col">Type</th>
            <th scope="col">Outcome</th>
            <th scope="col">Occurred</th>
            <th scope="col">Received</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={`${event.provider}:${event.eventId}`} data-testid="provider-event-row">
              <td data-label="Event id">
                <code>{event.eventId}</code>
                <br />
                <span className="stock">{event.provider}</span>
              </td>
              <td data-label="Type" data-testid="provider-event-type">
                {event.type}
              </td>
              <td data-label="Outcome" data-testid="provider-event-outcome">
                {event.outcome}
              </td>
              <td data-label="Occurred">{formatDateTime(event.occurredAt)}</td>
              <td data-label="Received">{formatDateTime(event.receivedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One order as the store sees it: lines, customer, history, and every step of its payment. */
export function OrderAdminDetail({ orderId, canCancel }: { orderId: string; canCancel: boolean }) {
  const trpc = useTRPC();
  const {
    data: { order, customer, paymentSessions, providerEvents },
  } = useSuspenseQuery(trpc.admin.orders.byId.queryOptions({ id: orderId }));
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <div className="stack">
      <p style={{ margin: 0 }}>
        <Link href="/admin/orders">← All orders</Link>
      </p>
      <div className="row" style={{ justifyContent: "space-between" }}>
        <div>
          <h1 style={{ marginBottom: "0.25rem" }}>Order #{order.id.slice(0, 8)}</h1>
          <p style={{ margin: 0 }} className="stock">
            Placed {formatDateTime(order.createdAt)} · {formatMoney(order.totalCents, order.currency)} ·{" "}
            <span data-testid="admin-order-status">
              <StatusBadge status={order.status} />
            </span>
          </p>
        </div>
        <div className="row row--tight">
          <Link
            href={`/admin/orders/${order.id}/packing-slip`}
            className="button button--secondary"
            data-testid="packing-slip-link"
          >
            Packing slip
          </Link>
          <CancelOrderDialog order={order} canCancel={canCancel} onCancelled={setNotice} />
        </div>
      </div>
      <div aria-live="polite" data-testid="admin-order-notice">
        {notice ? <p className="notice notice--success">{notice}</p> : null}
      </div>
      <AwaitingPaymentNotice order={order} />

      <OrderLinesTable
        order={order}
        productHref={(item) => `/admin/products/${item.productId}`}
        testIds={{ table: "admin-order-lines", line: "admin-order-line", total: "admin-order-total" }}
      />

      <div className="admin-columns">
        <section className="panel" aria-labelledby="ship-to-heading">
          <h2 id="ship-to-heading" style={{ marginTop: 0 }}>
            Ships to
          </h2>
          <ShippingAddress address={order.shippingAddress} testId="admin-order-address" />
          <p style={{ marginBottom: 0 }} data-testid="admin-order-shipping-method">
            <span className="stock">Shipping method:</span> {shippingMethodName(order.shippingMethod, true)}
          </p>
        </section>
        <section className="panel" aria-labelledby="totals-heading">
          <h2 id="totals-heading" style={{ marginTop: 0 }}>
            Totals
          </h2>
          <OrderTotals order={order} testIds={{ totals: "admin-order-totals", discount: "admin-order-discount" }} />
        </section>
      </div>

      <div className="admin-columns">
        <section className="panel" aria-labelledby="customer-heading">
          <h2 id="customer-heading" style={{ marginTop: 0 }}>
            Customer
          </h2>
          <dl className="details" data-testid="admin-order-customer">
            <dt>Name</dt>
            <dd>{customer.name}</dd>
            <dt>Email</dt>
            <dd>
              <a href={`mailto:${customer.email}`}>{customer.email}</a>
            </dd>
          </dl>
        </section>
        <section className="panel" aria-labelledby="history-heading">
          <h2 id="history-heading" style={{ marginTop: 0 }}>
            Status history
          </h2>
          <ol style={{ margin: 0, paddingLeft: "1.25rem" }} data-testid="admin-order-history">
            {order.history.map((entry, index) => (
              <li key={index}>
                <strong>{orderStatusLabels[entry.toStatus]}</strong> · {formatDateTime(entry.createdAt)}
                {entry.note ? <span className="stock"> · {entry.note}</span> : null}
              </li>
            ))}
          </ol>
        </section>
      </div>

      <section className="panel stack" aria-labelledby="payment-heading">
        <h2 id="payment-heading" style={{ margin: 0 }}>
          Payment
        </h2>
        <div>
          <h3 style={{ marginTop: 0 }}>Money movements</h3>
          <PaymentLines order={order} />
        </div>
        <div>
          <h3 id="payment-sessions-heading" style={{ marginTop: 0 }}>
            Payment sessions
          </h3>
          <PaymentSessions sessions={paymentSessions} currency={order.currency} />
        </div>
        <div>
          <h3 id="provider-events-heading" style={{ marginTop: 0 }}>
            Provider events
          </h3>
          <ProviderEvents events={providerEvents} />
        </div>
      </section>
    </div>
  );
}
