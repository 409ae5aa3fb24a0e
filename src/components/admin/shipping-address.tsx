import { Fragment } from "react";
import type { AddressDto } from "@/lib/contracts/address";
import { postalAddressLines } from "@/lib/postal-address-lines";
import { countries, type CountryCode } from "@/lib/shop/countries";

export const NO_ADDRESS = "No address on record (placed before addresses existed, or removed with a deleted account)";

export function countryName(code: CountryCode): string {
  return countries[code].name;
}

/** An order's ship-to address as a label shows it, or the note that an old order has none. */
export function ShippingAddress({ address, testId }: { address: AddressDto | null; testId?: string }) {
  if (!address) {
    return (
      <p className="stock" style={{ margin: 0 }} data-testid={testId}>
        {NO_ADDRESS}
      </p>
    );
  }
  return (
    <address style={{ fontStyle: "normal" }} data-testid={testId}>
      {postalAddressLines(address).map((line, index) => (
        <Fragment key={index}>
          {index > 0 ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </address>
  );
}
