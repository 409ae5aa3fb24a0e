"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/** Two steps, so a stray click never cancels an order. */
export function CancelOrderButton({ orderId }: { orderId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation(
    trpc.orders.cancel.mutationOptions({
      onSuccess: (order) => {
        queryClient.setQueryData(trpc.orders.byId.queryKey({ id: orderId }), order);
        void queryClient.invalidateQueries(trpc.orders.list.pathFilter());
        setConfirming(false);
      },
    }),
  );

  return (
    <div className="stack">
      <div aria-live="polite">
        {cancel.isError ? <p className="notice notice--error">{errorMessage(cancel.error)}</p> : null}
      </div>
      {confirming ? (
        <div className="notice notice--warning" role="group" aria-label="Confirm cancellation">
          <p style={{ marginTop: 0 }}>
            Cancel this order? Your payment will be refunded and the items returned to stock.
          </p>
          <div className="row">
            <button
              type="button"
              className="button button--danger"
              onClick={() => cancel.mutate({ id: orderId })}
              disabled={cancel.isPending}
            >
              {cancel.isPending ? "Cancelling…" : "Yes, cancel order"}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              Keep order
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
          Cancel order
        </button>
      )}
    </div>
  );
}
