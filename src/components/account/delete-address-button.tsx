"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { addressLabel } from "@/components/addresses/postal-address";
import type { SavedAddressDto } from "@/lib/contracts/address";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/** Deletes one address after a second click; orders placed with it keep their own copy. */
export function DeleteAddressButton({
  address,
  onDeleted,
}: {
  address: SavedAddressDto;
  onDeleted: (deleted: SavedAddressDto) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(
    trpc.account.addresses.delete.mutationOptions({
      onSuccess: async (deleted) => {
        await queryClient.invalidateQueries(trpc.account.addresses.list.queryFilter());
        onDeleted(deleted);
      },
    }),
  );
  if (!confirming) {
    return (
      <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
        Delete<span className="visually-hidden"> {addressLabel(address)}</span>
      </button>
    );
  }
  return (
    <div className="row row--tight" role="group" aria-label={`Confirm deleting ${addressLabel(address)}`}>
      <button
        type="button"
        className="button button--danger"
        onClick={() => remove.mutate({ id: address.id })}
        disabled={remove.isPending}
      >
        {remove.isPending ? "Deleting…" : "Yes, delete"}
      </button>
      <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
        Keep
      </button>
      {remove.isError ? <p className="notice notice--error">{errorMessage(remove.error)}</p> : null}
    </div>
  );
}
