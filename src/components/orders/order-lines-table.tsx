import Link from "next/link";
import { formatMoney } from "@/lib/money";
import type { RouterOutputs } from "@/trpc/types";

type Order = RouterOutputs["orders"]["byId"];

/**
 * An order's lines (name and price as bought) and its total. `productHref`
 * says where a line links: the shop's product page, or the admin's.
 */
export function OrderLinesTable({
  order,
  productHref,
  testIds,
}: {
  order: Order;
  productHref: (item: Order["items"][number]) => string;
  testIds: { line: string; total: string; table?: string };
}) {
  return (
    <div className="table-scroll">
      <table className="table table--stack" data-testid={testIds.table}>
        <caption className="visually-hidden">Items in this order</caption>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col" className="num">
              Price
            </th>
            <th scope="col" className="num">
              Quantity
            </th>
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((item) => (
            <tr key={item.productId} data-testid={testIds.line}>
              <td data-label="Product">
                <Link href={productHref(item)}>{item.productName}</Link>
              </td>
              <td className="num" data-label="Price">
                {formatMoney(item.unitPriceCents, order.currency)}
              </td>
              <td className="num" data-label="Quantity">
                {item.quantity}
              </td>
              <td className="num" data-label="Total">
                {formatMoney(item.lineTotalCents, order.currency)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Total
            </th>
            <td className="num" data-testid={testIds.total}>
              <strong>{formatMoney(order.totalCents, order.currency)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
