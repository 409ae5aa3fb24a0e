"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { PostalAddress } from "@/components/addresses/postal-address";
import { formatDateTime } from "@/lib/format-date";
import { cancellableStatuses, orderStatusLabels } from "@/lib/order-status";
import { useTRPC } from "@/trpc/react";
import { CancelOrderButton } from "./cancel-order-button";
import { OrderLinesTable } from "./order-lines-table";
import { OrderTotals } from "./order-totals";
import { PaymentLines, PaymentState } from "./payment-state";
import { StatusBadge } from "./status-badge";

/** `returned`: the shopper just came back from the provider's payment page. */
export function OrderDetail({ orderId, returned }: { orderId: string; returned: boolean }) {
  const trpc = useTRPC();
  const { data: order } = useSuspenseQuery(trpc.orders.byId.queryOptions({ id: orderId }));

  return (
    <div className="stack">
      <PaymentState order={order} returned={returned} />
      <div className="row" style={{ justifyContent: "space-between" }}>
        <div>
          <h1 style={{ marginBottom: "0.25rem" }}>Order #{order.id.slice(0, 8)}</h1>
          <p style={{ margin: 0 }} className="stock">
            Placed {formatDateTime(order.createdAt)} · <StatusBadge status={order.status} />
          </p>
        </div>
        {cancellableStatuses.includes(order.status) ? <CancelOrderButton orderId={order.id} /> : null}
      </div>

      <OrderLinesTable
        order={order}
        productHref={(item) => `/products/${item.productSlug}`}
        testIds={{ line: "order-line", total: "order-total" }}
      />

      <div className="product-detail">
        <section className="panel" aria-labelledby="totals-heading">
          <h2 id="totals-heading" style={{ marginTop: 0 }}>
            Totals
          </h2>
          <OrderTotals order={order} testIds={{ totals: "order-totals", discount: "order-discount" }} />
        </section>
        {/* Orders placed before addresses existed have none: nothing to show. */}
        {order.shippingAddress ? (
          <section className="panel" aria-labelledby="ship-to-heading" data-testid="order-ship-to">
            <h2 id="ship-to-heading" style={{ marginTop: 0 }}>
              Shipping address
            </h2>
            <PostalAddress address={order.shippingAddress} />
          </section>
        ) : null}
      </div>

      <div className="product-detail">
        <section className="panel" aria-labelledby="payment-heading">
          <h2 id="payment-heading" style={{ marginTop: 0 }}>
            Payment
          </h2>
          <PaymentLines order={order} />
        </section>
        <section className="panel" aria-labelledby="history-heading">
          <h2 id="history-heading" style={{ marginTop: 0 }}>
            Status history
          </h2>
          <ol style={{ margin: 0, paddingLeft: "1.25rem" }}>
            {order.history.map((entry, index) => (
              <li key={index}>
                <strong>{orderStatusLabels[entry.toStatus]}</strong> · {formatDateTime(entry.createdAt)}
                {entry.note ? <span className="stock"> · {entry.note}</span> : null}
              </li>
            ))}
          </ol>
        </section>
      </div>
      <p>
        <Link href="/orders">← All orders</Link>
      </p>
    </div>
  );
}
