"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { AddressFields } from "@/components/addresses/address-fields";
import {
  addressErrorsFromIssues,
  checkAddressDraft,
  draftFromAddress,
  emptyAddressDraft,
  type AddressErrors,
} from "@/components/addresses/address-draft";
import type { SavedAddressDto } from "@/lib/contracts/address";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

interface AddressFormProps {
  /** The address to edit; without one the form adds a new address. */
  address?: SavedAddressDto;
  onSaved: (saved: SavedAddressDto) => void;
  onCancel: () => void;
}

/** Adds or edits one address of the address book: checked in the browser first, then by the server. */
export function AddressForm({ address, onSaved, onCancel }: AddressFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => (address ? draftFromAddress(address) : emptyAddressDraft));
  const [errors, setErrors] = useState<AddressErrors>({});
  const saved = async (result: SavedAddressDto) => {
    await queryClient.invalidateQueries(trpc.account.addresses.list.queryFilter());
    onSaved(result);
  };
  const create = useMutation(
    trpc.account.addresses.create.mutationOptions({
      onSuccess: saved,
      onError: (error) => setErrors(addressErrorsFromIssues(error.data?.issues)),
    }),
  );
  const update = useMutation(
    trpc.account.addresses.update.mutationOptions({
      onSuccess: saved,
      onError: (error) => setErrors(addressErrorsFromIssues(error.data?.issues, "address")),
    }),
  );
  const saving = create.isPending || update.isPending;
  const failure = address ? update.error : create.error;
  const headingId = `address-form-${address?.id ?? "new"}-heading`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = checkAddressDraft(draft);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    if (address) update.mutate({ id: address.id, address: checked.address });
    else create.mutate(checked.address);
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={headingId} data-testid="address-form">
      <h3 id={headingId} style={{ margin: 0 }}>
        {address ? "Edit address" : "Add an address"}
      </h3>
      <div aria-live="polite">
        {failure && !failure.data?.issues ? <p className="notice notice--error">{errorMessage(failure)}</p> : null}
      </div>
      <AddressFields
        idPrefix={`address-${address?.id ?? "new"}`}
        legend={address ? "Address" : "New address"}
        value={draft}
        onChange={setDraft}
        errors={errors}
        disabled={saving}
      />
      <div className="row">
        <button type="submit" className="button" disabled={saving}>
          {saving ? "Saving…" : address ? "Save changes" : "Save address"}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
      </div>
    </form>
  );
}
