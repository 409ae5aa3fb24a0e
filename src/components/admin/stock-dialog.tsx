"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { FieldError } from "@/components/forms/field-error";
import { fieldErrorsFromIssues, fieldErrorsFromZod, type FieldErrors } from "@/components/forms/field-errors";
import { adjustInventoryInput } from "@/lib/contracts/admin";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

type Field = "delta" | "reason";

/** A modal form: change a product's stock by a number of units, with a reason for the audit log. */
export function StockDialog({
  product,
  onClose,
}: {
  product: { id: string; name: string; stock: number };
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const adjust = useMutation(
    trpc.admin.inventory.adjust.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries(trpc.admin.pathFilter());
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
    const form = new FormData(event.currentTarget);
    const parsed = adjustInventoryInput.safeParse({
      productId: product.id,
      delta: Number(form.get("delta")),
      reason: form.get("reason"),
    });
    if (!parsed.success) return setErrors(fieldErrorsFromZod<Field>(parsed.error));
    setErrors({});
    adjust.mutate(parsed.data);
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="stock-dialog-title" onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <h2 id="stock-dialog-title" style={{ margin: 0 }}>
          Adjust stock: {product.name}
        </h2>
        <p style={{ margin: 0 }}>Now in stock: {product.stock}</p>
        <div aria-live="polite">
          {adjust.isError && !adjust.error.data?.issues ? (
            <p className="notice notice--error">{errorMessage(adjust.error)}</p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="stock-delta">Change by</label>
          <input
            id="stock-delta"
            name="delta"
            type="number"
            step={1}
            className="input"
            placeholder="e.g. 20 for a delivery, -2 for breakage"
            aria-invalid={Boolean(errors.delta)}
            aria-describedby={errors.delta ? "stock-delta-error" : undefined}
          />
          <FieldError id="stock-delta-error" messages={errors.delta} />
        </div>
        <div className="field">
          <label htmlFor="stock-reason">Reason</label>
          <input
            id="stock-reason"
            name="reason"
            className="input"
            maxLength={200}
            placeholder="Delivery from the workshop"
            aria-invalid={Boolean(errors.reason)}
            aria-describedby={errors.reason ? "stock-reason-error" : undefined}
          />
          <FieldError id="stock-reason-error" messages={errors.reason} />
        </div>
        <div className="row">
          <button type="submit" className="button" disabled={adjust.isPending}>
            {adjust.isPending ? "Saving…" : "Save"}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
