"use client";

import { AddressFields } from "@/components/addresses/address-fields";
import type { AddressDraft, AddressErrors } from "@/components/addresses/address-draft";
import { PostalAddress } from "@/components/addresses/postal-address";
import type { SavedAddressDto } from "@/lib/contracts/address";

export const NEW_ADDRESS = "new";

interface Props {
  saved: SavedAddressDto[];
  /** A saved address's id, or NEW_ADDRESS. */
  choice: string;
  onChoose: (choice: string) => void;
  draft: AddressDraft;
  onDraftChange: (draft: AddressDraft) => void;
  errors: AddressErrors;
  disabled: boolean;
}

/** Where the order ships: one of the saved addresses, or a new one typed here. */
export function ShipTo({ saved, choice, onChoose, draft, onDraftChange, errors, disabled }: Props) {
  const fields = (
    <AddressFields
      idPrefix="shipping"
      legend="New address"
      purpose="shipping"
      value={draft}
      onChange={onDraftChange}
      errors={errors}
      disabled={disabled}
    />
  );
  if (saved.length === 0) return fields;
  return (
    <>
      <fieldset className="field" disabled={disabled}>
        <legend>Ship to</legend>
        {saved.map((address) => (
          <label className="checkbox" key={address.id} data-testid="saved-address">
            <input
              type="radio"
              name="shipTo"
              value={address.id}
              checked={choice === address.id}
              onChange={() => onChoose(address.id)}
            />
            <PostalAddress address={address} />
          </label>
        ))}
        <label className="checkbox">
          <input
            type="radio"
            name="shipTo"
            value={NEW_ADDRESS}
            checked={choice === NEW_ADDRESS}
            onChange={() => onChoose(NEW_ADDRESS)}
          />
          <span>A new address</span>
        </label>
      </fieldset>
      {choice === NEW_ADDRESS ? fields : null}
    </>
  );
}
