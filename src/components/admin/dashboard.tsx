"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatDateTime } from "@/lib/format-date";
import { formatMoney } from "@/lib/money";
import { StatusBadge } from "@/components/orders/status-badge";
import { useTRPC } from "@/trpc/react";
import { RevenueChart } from "./revenue-chart";

const CURRENCY = "USD";

export function AdminDashboard() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.admin.dashboard.queryOptions());
  const today = data.days.at(-1);

  return (
    <div className="stack">
      <div className="stat-grid">
        <div className="panel stat" data-testid="stat-revenue">
          <span className="stat__label">Revenue, last {data.days.length} days</span>
          <span className="stat__value">{formatMoney(data.totals.revenueCents, CURRENCY)}</span>
        </div>
        <div className="panel stat" data-testid="stat-orders">
          <span className="stat__label">Orders, last {data.days.length} days</span>
          <span className="stat__value">{data.totals.orders}</span>
        </div>
        <div className="panel stat">
          <span className="stat__label">Orders today</span>
          <span className="stat__value">{today?.orders ?? 0}</span>
        </div>
      </div>

      <section className="panel" aria-labelledby="revenue-heading">
        <h2 id="revenue-heading" style={{ marginTop: 0 }}>
          Revenue and orders per day
        </h2>
        <RevenueChart days={data.days} currency={CURRENCY} />
        <details>
          <summary>Show as a table</summary>
          <div className="table-scroll">
            <table className="table table--stack">
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col" className="num">
                    Orders
                  </th>
                  <th scope="col" className="num">
                    Revenue
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.days.map((day) => (
                  <tr key={day.date}>
                    <td data-label="Day">{day.date}</td>
                    <td className="num" data-label="Orders">
                      {day.orders}
                    </td>
                    <td className="num" data-label="Revenue">
                      {formatMoney(day.revenueCents, CURRENCY)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>

      <div className="admin-columns">
        <section className="panel" aria-labelledby="low-stock-heading">
          <h2 id="low-stock-heading" style={{ marginTop: 0 }}>
            Running low
          </h2>
          {data.lowStock.length === 0 ? (
            <p>Nothing is running low.</p>
          ) : (
            <ul className="plain-list" data-testid="low-stock">
              {data.lowStock.map((product) => (
                <li key={product.id}>
                  <Link href={`/admin/products?q=${encodeURIComponent(product.name)}`}>{product.name}</Link>{" "}
                  <span className={product.stock === 0 ? "stock stock--out" : "stock stock--low"}>
                    {product.stock === 0 ? "sold out" : `${product.stock} left`}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="panel" aria-labelledby="recent-heading">
          <h2 id="recent-heading" style={{ marginTop: 0 }}>
            Recent orders
          </h2>
          {data.recentOrders.length === 0 ? (
            <p>No orders yet.</p>
          ) : (
            <ul className="plain-list">
              {data.recentOrders.map((order) => (
                <li key={order.id}>
                  <strong>{formatMoney(order.totalCents, order.currency)}</strong> from {order.customer.name} ·{" "}
                  {formatDateTime(order.createdAt)} · <StatusBadge status={order.status} />
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link href="/admin/orders">All orders →</Link>
          </p>
        </section>
      </div>
    </div>
  );
}
