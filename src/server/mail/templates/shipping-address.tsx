import { Section, Text } from "@react-email/components";
import { Fragment } from "react";
import type { AddressDto } from "@/lib/contracts/address";
import { postalAddressLines } from "@/lib/postal-address-lines";
import * as styles from "./styles";

/** Where the order goes, as on a parcel; orders placed before addresses existed have none and show nothing. */
export function ShippingAddress({ address }: { address: AddressDto | null }) {
  if (!address) return null;
  return (
    <Section>
      <Text style={styles.label}>Shipping address</Text>
      <Text style={styles.paragraph}>
        {postalAddressLines(address).map((line, index) => (
          <Fragment key={index}>
            {index > 0 ? <br /> : null}
            {line}
          </Fragment>
        ))}
      </Text>
    </Section>
  );
}
