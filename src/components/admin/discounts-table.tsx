"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import { discountValueLabel } from "@/lib/discount-kinds";
import { formatMoney } from "@/lib/money";
import { nextPageCursor } from "@/lib/paging";
import { useTRPC } from "@/trpc/react";
import { DiscountForm } from "./discount-form";
import { DiscountPauseButton } from "./discount-pause-button";
import { DiscountStatusBadge } from "./discount-status-badge";
import { validityLabel } from "./discount-validity";
import { ADMIN_PAGE_SIZE } from "./paging";

function usesLabel(usage: { timesUsed: number; usageLimit: number | null }): string {
  return usage.usageLimit === null ? `${usage.timesUsed} used` : `${usage.timesUsed} of ${usage.usageLimit} used`;
}

/** Every discount code with its status and usage; staff who may manage them get the form and the buttons. */
export function AdminDiscounts({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const { data, hasNextPage, fetchNextPage, isFetchingNextPage, isFetchNextPageError } = useSuspenseInfiniteQuery(
    trpc.admin.discounts.list.infiniteQueryOptions({ limit: ADMIN_PAGE_SIZE }, { getNextPageParam: nextPageCursor }),
  );
  const discounts = data.pages.flatMap((page) => page.items);
  const [formOpen, setFormOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <div className="stack">
      {canManage && !formOpen ? (
        <div>
          <button
            type="button"
            className="button"
            onClick={() => {
              setNotice(null);
              setFormOpen(true);
            }}
          >
            New code
          </button>
        </div>
      ) : null}
      {canManage && formOpen ? (
        <DiscountForm
          onCreated={(code) => {
            setFormOpen(false);
            setNotice(`${code} is created.`);
          }}
          onCancel={() => setFormOpen(false)}
        />
      ) : null}
      <div aria-live="polite" data-testid="discounts-notice">
        {notice ? <p className="notice notice--success">{notice}</p> : null}
      </div>
      {discounts.length === 0 ? (
        <EmptyState testId="no-discounts" message="No discount codes yet." />
      ) : (
        <div className="table-scroll">
          <table className="table table--stack" data-testid="admin-discounts">
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Discount</th>
                <th scope="col">Valid</th>
                <th scope="col">Usage</th>
                <th scope="col">Status</th>
                {canManage ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {discounts.map((discount) => (
                <tr key={discount.id} data-testid="admin-discount-row" data-code={discount.code}>
                  <td data-label="Code">
                    <Link href={`/admin/discounts/${discount.id}`}>
                      <code>{discount.code}</code>
                    </Link>
                    {discount.description ? (
                      <>
                        <br />
                        <span className="stock">{discount.description}</span>
                      </>
                    ) : null}
                  </td>
                  <td data-label="Discount">
                    {discountValueLabel(discount.kind, discount.value)}
                    {discount.minSubtotalCents > 0 ? (
                      <>
                        <br />
                        <span className="stock">from {formatMoney(discount.minSubtotalCents)}</span>
                      </>
                    ) : null}
                  </td>
                  <td data-label="Valid">{validityLabel(discount)}</td>
                  <td data-label="Usage" data-testid="discount-usage">
                    {usesLabel(discount.usage)}
                    <br />
                    <span className="stock">
                      {discount.usage.redemptions} {discount.usage.redemptions === 1 ? "order" : "orders"},{" "}
                      {formatMoney(discount.usage.discountCents)} off
                    </span>
                  </td>
                  <td data-label="Status">
                    <DiscountStatusBadge status={discount.status} />
                  </td>
                  {canManage ? (
                    <td>
                      <DiscountPauseButton discount={discount} onChanged={setNotice} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore
        noun="codes"
        hasNextPage={hasNextPage}
        isFetchingNextPage={isFetchingNextPage}
        isError={isFetchNextPageError}
        fetchNextPage={fetchNextPage}
      />
    </div>
  );
}
