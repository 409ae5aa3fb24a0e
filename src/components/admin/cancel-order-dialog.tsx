"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { FieldError } from "@/components/forms/field-error";
import { fieldErrorsFromIssues, fieldErrorsFromZod, type FieldErrors } from "@/components/forms/field-errors";
import { cancelOrderInput } from "@/lib/contracts/admin";
import { formatMoney } from "@/lib/money";
import { cancellableStatuses, type OrderStatus } from "@/lib/order-status";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

type Field = "reason";

interface CancellableOrder {
  id: string;
  status: OrderStatus;
  totalCents: number;
  currency: string;
}

/** What cancelling does to this order, said before the admin confirms. */
function consequences(order: CancellableOrder): string {
  if (order.status === "paid") {
    return (
      `The items go back in stock and the payment of ${formatMoney(order.totalCents, order.currency)} is ` +
      "refunded through the payment provider. The refund shows as pending until the provider confirms it."
    );
  }
  return (
    "The held items go back on sale and the open payment page is closed. Nothing has been charged; " +
    "money that still arrives from the provider is refunded."
  );
}

function CancelForm({
  order,
  onClose,
  onCancelled,
}: {
  order: CancellableOrder;
  onClose: () => void;
  onCancelled: (message: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const cancel = useMutation(
    trpc.admin.orders.cancel.mutationOptions({
      onSuccess: async () => {
        // Dashboard figures leave cancelled orders out, so they change too.
        await Promise.all([
          queryClient.invalidateQueries(trpc.admin.orders.byId.queryFilter({ id: order.id })),
          queryClient.invalidateQueries(trpc.admin.orders.list.pathFilter()),
          queryClient.invalidateQueries(trpc.admin.dashboard.pathFilter()),
        ]);
        onCancelled(
          order.status === "paid"
            ? `Order #${order.id.slice(0, 8)} is cancelled. Its refund is pending until the payment provider confirms it.`
            : `Order #${order.id.slice(0, 8)} is cancelled.`,
        );
        onClose();
      },
      onError: (error) => setErrors(fieldErrorsFromIssues<Field>(error.data?.issues)),
    }),
  );

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = cancelOrderInput.safeParse({
      id: order.id,
      reason: new FormData(event.currentTarget).get("reason"),
    });
    if (!parsed.success) return setErrors(fieldErrorsFromZod<Field>(parsed.error));
    setErrors({});
    cancel.mutate(parsed.data);
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="cancel-order-title" onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <h2 id="cancel-order-title" style={{ margin: 0 }}>
          Cancel order #{order.id.slice(0, 8)}
        </h2>
        <p style={{ margin: 0 }}>{consequences(order)}</p>
        <div aria-live="polite">
          {cancel.isError && !cancel.error.data?.issues ? (
            <p className="notice notice--error" data-testid="cancel-error">
              {errorMessage(cancel.error)}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="cancel-reason">Reason</label>
          <input
            id="cancel-reason"
            name="reason"
            className="input"
            maxLength={200}
            placeholder="The customer asked by phone"
            data-testid="cancel-reason"
            aria-invalid={Boolean(errors.reason)}
            aria-describedby={errors.reason ? "cancel-reason-hint cancel-reason-error" : "cancel-reason-hint"}
          />
          <p id="cancel-reason-hint" className="field__hint">
            Shown in the order&apos;s history, which the customer sees too, and kept in the audit log.
          </p>
          <FieldError id="cancel-reason-error" messages={errors.reason} />
        </div>
        <div className="row">
          <button
            type="submit"
            className="button button--danger"
            disabled={cancel.isPending}
            data-testid="confirm-cancel"
          >
            {cancel.isPending ? "Cancelling…" : "Yes, cancel order"}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose} disabled={cancel.isPending}>
            Keep order
          </button>
        </div>
      </form>
    </dialog>
  );
}

/**
 * Two steps, so a stray click never cancels an order: this button, then a
 * reason and a confirmation. Shown only for orders that can still be
 * cancelled, to admins allowed to (`canCancel` is a hint; the server checks).
 */
export function CancelOrderDialog({
  order,
  canCancel,
  onCancelled,
}: {
  order: CancellableOrder;
  canCancel: boolean;
  onCancelled: (message: string) => void;
}) {
  const [open, setOpen] = useState(false);
  if (!canCancel || !cancellableStatuses.includes(order.status)) return null;
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        data-testid="cancel-order"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        Cancel order
      </button>
      {open ? <CancelForm order={order} onClose={() => setOpen(false)} onCancelled={onCancelled} /> : null}
    </>
  );
}
