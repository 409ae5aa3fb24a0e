"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { addressLabel, PostalAddress } from "@/components/addresses/postal-address";
import { MAX_SAVED_ADDRESSES } from "@/lib/address-book-limits";
import type { SavedAddressDto } from "@/lib/contracts/address";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { AddressForm } from "./address-form";
import { DeleteAddressButton } from "./delete-address-button";

/** The open form: an address's id, "new" for the address being added, or null for none. */
type Editing = string | null;

function Loading() {
  return (
    <div aria-busy="true" data-testid="addresses-loading">
      <span className="visually-hidden">Loading your addresses…</span>
      <div className="skeleton skeleton--line" style={{ width: "60%" }} />
      <div className="skeleton skeleton--line" style={{ width: "45%" }} />
      <div className="skeleton skeleton--line" style={{ width: "50%" }} />
    </div>
  );
}

function LoadFailed({ error, retrying, retry }: { error: unknown; retrying: boolean; retry: () => void }) {
  return (
    <div className="notice notice--error" role="alert" data-testid="addresses-error">
      <p style={{ marginTop: 0 }}>Your addresses could not be loaded. {errorMessage(error)}</p>
      <button type="button" className="button button--secondary" onClick={retry} disabled={retrying}>
        {retrying ? "Trying again…" : "Try again"}
      </button>
    </div>
  );
}

interface AddressListProps {
  addresses: SavedAddressDto[];
  editing: Editing;
  open: (next: Editing) => void;
  done: (message: string) => void;
}

function AddressList({ addresses, editing, open, done }: AddressListProps) {
  if (addresses.length === 0) return <p data-testid="no-addresses">You have no saved addresses yet.</p>;
  return (
    <ul className="plain-list" data-testid="addresses">
      {addresses.map((address) => (
        <li key={address.id} className="panel" data-testid="address">
          {editing === address.id ? (
            <AddressForm address={address} onSaved={() => done("Address saved.")} onCancel={() => open(null)} />
          ) : (
            <div className="stack">
              <PostalAddress address={address} />
              <div className="row row--tight">
                <button type="button" className="button button--secondary" onClick={() => open(address.id)}>
                  Edit<span className="visually-hidden"> {addressLabel(address)}</span>
                </button>
                <DeleteAddressButton address={address} onDeleted={() => done("Address deleted.")} />
              </div>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The account page's address book: saved addresses to ship to, with adding, editing and deleting. */
export function AddressBook() {
  const trpc = useTRPC();
  const list = useQuery(trpc.account.addresses.list.queryOptions());
  const [editing, setEditing] = useState<Editing>(null);
  const [status, setStatus] = useState("");

  function open(next: Editing) {
    setEditing(next);
    setStatus("");
  }

  function done(message: string) {
    setEditing(null);
    setStatus(message);
  }

  return (
    <section className="panel stack" aria-labelledby="addresses-heading">
      <div>
        <h2 id="addresses-heading" style={{ marginTop: 0 }}>
          Addresses
        </h2>
        <p className="field__hint">
          Saved addresses to choose from at checkout (up to {MAX_SAVED_ADDRESSES}). Changing or deleting one never
          changes an order already placed.
        </p>
      </div>
      <div aria-live="polite">
        {status ? (
          <p className="notice notice--success" data-testid="addresses-status">
            {status}
          </p>
        ) : null}
      </div>
      {list.data ? (
        <>
          <AddressList addresses={list.data} editing={editing} open={open} done={done} />
          {editing === "new" ? (
            <AddressForm onSaved={() => done("Address added.")} onCancel={() => open(null)} />
          ) : list.data.length >= MAX_SAVED_ADDRESSES ? (
            <p className="field__hint" data-testid="addresses-full">
              Your address book is full. Delete an address you no longer use to add another.
            </p>
          ) : (
            <div>
              <button type="button" className="button" onClick={() => open("new")}>
                Add an address
              </button>
            </div>
          )}
        </>
      ) : list.isError ? (
        <LoadFailed error={list.error} retrying={list.isFetching} retry={() => void list.refetch()} />
      ) : (
        <Loading />
      )}
    </section>
  );
}
