"use client";

import { useMutation, useQueryClient, useSuspenseInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import { StatusBadge } from "@/components/orders/status-badge";
import { formatDateTime } from "@/lib/format-date";
import { formatMoney } from "@/lib/money";
import { orderStatuses, orderStatusLabels, type OrderStatus } from "@/lib/order-status";
import { nextPageCursor } from "@/lib/paging";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { ADMIN_PAGE_SIZE } from "./paging";
import { ShipToCell } from "./ship-to-cell";

/** The one fulfilment step an order can take next, if any. */
const nextStep: Partial<Record<OrderStatus, { status: "shipped" | "delivered"; label: string }>> = {
  paid: { status: "shipped", label: "Mark shipped" },
  shipped: { status: "delivered", label: "Mark delivered" },
};

function FulfilmentButton({
  orderId,
  status,
  onChanged,
}: {
  orderId: string;
  status: OrderStatus;
  onChanged: (message: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setStatus = useMutation(
    trpc.admin.orders.setStatus.mutationOptions({
      onSuccess: (order) => {
        onChanged(`Order #${order.id.slice(0, 8)} is now ${orderStatusLabels[order.status].toLowerCase()}.`);
        return queryClient.invalidateQueries(trpc.admin.orders.pathFilter());
      },
    }),
  );
  const step = nextStep[status];
  if (!step) return null;
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        disabled={setStatus.isPending}
        onClick={() => setStatus.mutate({ id: orderId, status: step.status })}
      >
        {setStatus.isPending ? "Saving…" : step.label}
        <span className="visually-hidden"> for order {orderId.slice(0, 8)}</span>
      </button>
      {setStatus.isError ? (
        <span className="field__error" role="alert">
          {errorMessage(setStatus.error)}
        </span>
      ) : null}
    </>
  );
}

/** The list's address for a filter; "stuck" means awaiting payment, so it never goes with another status. */
function ordersHref({ status, stuck }: { status?: OrderStatus; stuck: boolean }): string {
  const params = new URLSearchParams();
  if (status) params.set("status", status);
  if (stuck) params.set("stuck", "1");
  const query = params.toString();
  return query ? `/admin/orders?${query}` : "/admin/orders";
}

function emptyMessage(status: OrderStatus | undefined, stuck: boolean): string {
  if (stuck) return "No orders are stuck awaiting payment.";
  return status ? `No ${orderStatusLabels[status].toLowerCase()} orders.` : "No orders yet.";
}

export function AdminOrders({ status, stuck = false }: { status?: OrderStatus; stuck?: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { data, hasNextPage, fetchNextPage, isFetchingNextPage, isFetchNextPageError } = useSuspenseInfiniteQuery(
    trpc.admin.orders.list.infiniteQueryOptions(
      // The same input as the page's prefetch, so the hydrated query is the one read here.
      { status, stuck: stuck || undefined, limit: ADMIN_PAGE_SIZE },
      { getNextPageParam: nextPageCursor },
    ),
  );
  const orders = data.pages.flatMap((page) => page.items);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <div className="stack">
      <div aria-live="polite" data-testid="orders-notice">
        {notice ? <p className="notice notice--success">{notice}</p> : null}
      </div>
      <div className="row" style={{ alignItems: "flex-end" }}>
        <div className="field" style={{ width: "16rem", maxWidth: "100%" }}>
          <label htmlFor="status-filter">Status</label>
          <select
            id="status-filter"
            className="select"
            value={status ?? ""}
            onChange={(event) => {
              const next = orderStatuses.find((value) => value === event.target.value);
              router.push(ordersHref({ status: next, stuck: stuck && (!next || next === "awaiting_payment") }));
            }}
          >
            <option value="">All orders</option>
            {orderStatuses.map((value) => (
              <option key={value} value={value}>
                {orderStatusLabels[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              data-testid="stuck-filter"
              checked={stuck}
              aria-describedby="stuck-filter-hint"
              onChange={(event) =>
                router.push(
                  ordersHref({
                    status: status === "awaiting_payment" ? status : undefined,
                    stuck: event.target.checked,
                  }),
                )
              }
            />
            <span>Stuck awaiting payment</span>
          </label>
          <p id="stuck-filter-hint" className="field__hint">
            Waiting for payment longer than the provider&apos;s confirmation usually takes.
          </p>
        </div>
      </div>
      {orders.length === 0 ? (
        <EmptyState testId="no-orders" message={emptyMessage(status, stuck)} />
      ) : (
        <div className="table-scroll">
          <table className="table table--stack" data-testid="admin-orders">
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Customer</th>
                <th scope="col">Ships to</th>
                <th scope="col">Placed</th>
                <th scope="col" className="num">
                  Total
                </th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {orders.map((order) => (
                <tr key={order.id} data-testid="admin-order-row" data-order-id={order.id}>
                  <td data-label="Order">
                    <Link href={`/admin/orders/${order.id}`} data-testid="admin-order-link">
                      #{order.id.slice(0, 8)}
                    </Link>
                  </td>
                  <td data-label="Customer">
                    {order.customer.name}
                    <br />
                    <span className="stock">{order.customer.email}</span>
                  </td>
                  <td data-label="Ships to" data-testid="admin-order-ship-to">
                    <ShipToCell shipTo={order.shipTo} shippingMethod={order.shippingMethod} />
                  </td>
                  <td data-label="Placed">{formatDateTime(order.createdAt)}</td>
                  <td className="num" data-label="Total">
                    {formatMoney(order.totalCents, order.currency)}
                  </td>
                  <td data-label="Status">
                    <StatusBadge status={order.status} />
                  </td>
                  <td>
                    <FulfilmentButton orderId={order.id} status={order.status} onChanged={setNotice} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore
        noun="orders"
        hasNextPage={hasNextPage}
        isFetchingNextPage={isFetchingNextPage}
        isError={isFetchNextPageError}
        fetchNextPage={fetchNextPage}
      />
    </div>
  );
}
