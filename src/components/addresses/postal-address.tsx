import type { AddressDto } from "@/lib/contracts/address";
import { postalAddressLines } from "@/lib/postal-address-lines";

/** Tells a screen-reader user which address a button is about: two may share a name. */
export function addressLabel(address: AddressDto): string {
  return `${address.name}, ${address.line1}`;
}

/** An address as it is written on a parcel, one line per part. */
export function PostalAddress({ address }: { address: AddressDto }) {
  return (
    <address style={{ fontStyle: "normal" }}>
      {postalAddressLines(address).map((line, index) => (
        <span key={`${index}-${line}`} style={{ display: "block" }}>
          {line}
        </span>
      ))}
    </address>
  );
}
