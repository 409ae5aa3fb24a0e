import { shippingMethods, type ShippingMethodId } from "./shop/shipping-methods";

/** "Standard", "Express"; orders placed before shipping methods have none recorded. */
export function shippingMethodName(method: ShippingMethodId | null, withDelivery = false): string {
  if (!method) return "Not recorded";
  const { name, delivery } = shippingMethods[method];
  return withDelivery ? `${name} (${delivery})` : name;
}
