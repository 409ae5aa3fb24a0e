"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/** Opens the provider's payment page for an order awaiting payment (the open one, or a new one after a decline). */
export function PayOrderButton({ orderId, label }: { orderId: string; label: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pay = useMutation(
    trpc.orders.pay.mutationOptions({
      onSuccess: ({ paymentUrl }) => window.location.assign(paymentUrl),
      // Paid, expired or cancelled meanwhile: show the order as it stands.
      onError: () => void queryClient.invalidateQueries({ queryKey: trpc.orders.byId.queryKey({ id: orderId }) }),
    }),
  );
  const busy = pay.isPending || pay.isSuccess;
  return (
    <div className="stack">
      <div aria-live="polite">
        {pay.isError ? <p className="notice notice--error">{errorMessage(pay.error)}</p> : null}
      </div>
      <p>
        <button type="button" className="button" onClick={() => pay.mutate({ id: orderId })} disabled={busy}>
          {busy ? "Opening the payment page…" : label}
        </button>
      </p>
    </div>
  );
}
