"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import { formatDateTime } from "@/lib/format-date";
import { formatMoney } from "@/lib/money";
import { useTRPC } from "@/trpc/react";
import { nextPageCursor } from "@/lib/paging";
import { ORDERS_PAGE_SIZE } from "./orders-paging";
import { StatusBadge } from "./status-badge";

export function OrdersList() {
  const trpc = useTRPC();
  const { data, hasNextPage, fetchNextPage, isFetchingNextPage, isFetchNextPageError } = useSuspenseInfiniteQuery(
    trpc.orders.list.infiniteQueryOptions({ limit: ORDERS_PAGE_SIZE }, { getNextPageParam: nextPageCursor }),
  );
  const orders = data.pages.flatMap((page) => page.items);

  if (orders.length === 0) {
    return (
      <EmptyState
        testId="no-orders"
        message="You have not placed any orders yet."
        action={{ href: "/", label: "Start shopping" }}
      />
    );
  }

  return (
    <>
      <div className="table-scroll">
        <table className="table table--stack">
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Placed</th>
              <th scope="col" className="num">
                Items
              </th>
              <th scope="col" className="num">
                Total
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => (
              <tr key={order.id} data-testid="order-row">
                <td data-label="Order">
                  <Link href={`/orders/${order.id}`}>#{order.id.slice(0, 8)}</Link>
                </td>
                <td data-label="Placed">{formatDateTime(order.createdAt)}</td>
                <td className="num" data-label="Items">
                  {order.itemCount}
                </td>
                <td className="num" data-label="Total">
                  {formatMoney(order.totalCents, order.currency)}
                </td>
                <td data-label="Status">
                  <StatusBadge status={order.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore
        noun="orders"
        hasNextPage={hasNextPage}
        isFetchingNextPage={isFetchingNextPage}
        isError={isFetchNextPageError}
        fetchNextPage={fetchNextPage}
      />
    </>
  );
}
