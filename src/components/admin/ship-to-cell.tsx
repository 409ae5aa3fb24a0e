import type { AdminOrderSummaryDto } from "@/lib/contracts/admin";
import { shippingMethodName } from "@/lib/shipping-method-name";
import { countryName, NO_ADDRESS } from "./shipping-address";

/** The fulfilment queue's "where and how": recipient, town and country, and the shipping method. */
export function ShipToCell({ shipTo, shippingMethod }: Pick<AdminOrderSummaryDto, "shipTo" | "shippingMethod">) {
  return (
    <>
      {shipTo ? (
        <>
          {shipTo.name}
          <br />
          <span className="stock">
            {shipTo.city}, {countryName(shipTo.country)}
          </span>
        </>
      ) : (
        <span className="stock">{NO_ADDRESS}</span>
      )}
      {shippingMethod ? (
        <>
          <br />
          <span className="stock" data-testid="admin-order-shipping-method">
            {shippingMethodName(shippingMethod)} shipping
          </span>
        </>
      ) : null}
    </>
  );
}
