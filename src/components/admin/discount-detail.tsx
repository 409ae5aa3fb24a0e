"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { DISCOUNT_REDEMPTIONS_SHOWN, type DiscountRedemptionDto } from "@/lib/contracts/discounts";
import { discountKindLabels, discountValueLabel } from "@/lib/discount-kinds";
import { formatDateTime } from "@/lib/format-date";
import { formatMoney } from "@/lib/money";
import { useTRPC } from "@/trpc/react";
import { DiscountPauseButton } from "./discount-pause-button";
import { DiscountStatusBadge } from "./discount-status-badge";
import { validityLabel } from "./discount-validity";

const noLimit = "No limit";

function Redemptions({ redemptions }: { redemptions: DiscountRedemptionDto[] }) {
  if (redemptions.length === 0) {
    return <EmptyState testId="no-redemptions" message="No order has used this code yet." />;
  }
  return (
    <div className="table-scroll">
      <table className="table table--stack" aria-labelledby="redemptions-heading" data-testid="discount-redemptions">
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Buyer</th>
            <th scope="col" className="num">
              Taken off
            </th>
            <th scope="col">Date</th>
          </tr>
        </thead>
        <tbody>
          {redemptions.map((redemption) => (
            <tr key={redemption.orderId} data-testid="discount-redemption-row">
              <td data-label="Order">
                <Link href={`/admin/orders/${redemption.orderId}`}>#{redemption.orderId.slice(0, 8)}</Link>
              </td>
              <td data-label="Buyer">{redemption.email}</td>
              <td className="num" data-label="Taken off">
                {formatMoney(redemption.discountCents)}
              </td>
              <td data-label="Date">{formatDateTime(redemption.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One code: its rules, how much it has been used, and the orders that used it. */
export function DiscountDetail({ discountId, canManage }: { discountId: string; canManage: boolean }) {
  const trpc = useTRPC();
  const {
    data: { discount, redemptions },
  } = useSuspenseQuery(trpc.admin.discounts.byId.queryOptions({ id: discountId }));
  const [notice, setNotice] = useState<string | null>(null);
  const { usage } = discount;

  return (
    <div className="stack">
      <p style={{ margin: 0 }}>
        <Link href="/admin/discounts">← All discount codes</Link>
      </p>
      <div className="row" style={{ justifyContent: "space-between" }}>
        <div>
          <h1 style={{ marginBottom: "0.25rem" }}>
            <code>{discount.code}</code>
          </h1>
          <p style={{ margin: 0 }} className="stock">
            {discountValueLabel(discount.kind, discount.value)} ·{" "}
            <span data-testid="discount-detail-status">
              <DiscountStatusBadge status={discount.status} />
            </span>
          </p>
        </div>
        {canManage ? (
          <div className="row row--tight">
            <DiscountPauseButton discount={discount} onChanged={setNotice} />
          </div>
        ) : null}
      </div>
      <div aria-live="polite" data-testid="discount-notice">
        {notice ? <p className="notice notice--success">{notice}</p> : null}
      </div>

      <div className="admin-columns">
        <section className="panel" aria-labelledby="rules-heading">
          <h2 id="rules-heading" style={{ marginTop: 0 }}>
            Rules
          </h2>
          <dl className="details" data-testid="discount-rules">
            <dt>Kind</dt>
            <dd>{discountKindLabels[discount.kind]}</dd>
            <dt>Takes off</dt>
            <dd>{discountValueLabel(discount.kind, discount.value)}</dd>
            <dt>Minimum subtotal</dt>
            <dd>{discount.minSubtotalCents > 0 ? formatMoney(discount.minSubtotalCents) : "None"}</dd>
            <dt>Valid</dt>
            <dd>{validityLabel(discount)}</dd>
            <dt>Per customer</dt>
            <dd>{discount.perCustomerLimit ?? noLimit}</dd>
            {discount.description ? (
              <>
                <dt>Description</dt>
                <dd>{discount.description}</dd>
              </>
            ) : null}
            {discount.pausedAt ? (
              <>
                <dt>Paused</dt>
                <dd>{formatDateTime(discount.pausedAt)}</dd>
              </>
            ) : null}
            <dt>Created</dt>
            <dd>{formatDateTime(discount.createdAt)}</dd>
          </dl>
        </section>
        <section className="panel" aria-labelledby="usage-heading">
          <h2 id="usage-heading" style={{ marginTop: 0 }}>
            Usage
          </h2>
          <dl className="details" data-testid="discount-usage-detail">
            <dt>Uses held</dt>
            <dd>{usage.timesUsed}</dd>
            <dt>Uses allowed</dt>
            <dd>{usage.usageLimit ?? noLimit}</dd>
            <dt>Orders</dt>
            <dd>{usage.redemptions}</dd>
            <dt>Taken off in all</dt>
            <dd>{formatMoney(usage.discountCents)}</dd>
          </dl>
          <p className="field__hint" style={{ marginBottom: 0 }}>
            An order that expires unpaid or is cancelled gives its use back.
          </p>
        </section>
      </div>

      <section className="stack" aria-labelledby="redemptions-heading" style={{ gap: "0.5rem" }}>
        <h2 id="redemptions-heading" style={{ margin: 0 }}>
          Redemptions
        </h2>
        <p className="stock" style={{ margin: 0 }}>
          The latest {DISCOUNT_REDEMPTIONS_SHOWN}, newest first.
        </p>
        <Redemptions redemptions={redemptions} />
      </section>
    </div>
  );
}
