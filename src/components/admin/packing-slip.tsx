import Link from "next/link";
import type { AdminOrderDetailDto } from "@/lib/contracts/admin";
import { formatDateTime } from "@/lib/format-date";
import { orderStatusLabels } from "@/lib/order-status";
import { shippingMethodName } from "@/lib/shipping-method-name";
import styles from "./packing-slip.module.css";
import { PrintButton } from "./print-button";
import { ShippingAddress } from "./shipping-address";

/** What goes in the box: where it ships, how, and every line with its quantity. No prices: it may be a gift. */
export function PackingSlip({ order }: { order: AdminOrderDetailDto["order"] }) {
  return (
    <>
      <div className={styles.actions}>
        <PrintButton />
        <Link href={`/admin/orders/${order.id}`}>← Back to the order</Link>
      </div>
      <article className={styles.slip} aria-labelledby="packing-slip-title" data-testid="packing-slip">
        <header className={styles.header}>
          <div>
            <p style={{ margin: 0 }}>Storefront</p>
            <h1 id="packing-slip-title" className={styles.title}>
              Packing slip
            </h1>
          </div>
          <dl className={styles.facts}>
            <dt>Order</dt>
            <dd data-testid="packing-slip-order">#{order.id.slice(0, 8)}</dd>
            <dt>Placed</dt>
            <dd>{formatDateTime(order.createdAt)}</dd>
            <dt>Status</dt>
            <dd>{orderStatusLabels[order.status]}</dd>
          </dl>
        </header>

        <div className={styles.columns}>
          <section aria-labelledby="slip-ship-to">
            <h2 id="slip-ship-to" className={styles.heading}>
              Ship to
            </h2>
            <ShippingAddress address={order.shippingAddress} testId="packing-slip-address" />
          </section>
          <section aria-labelledby="slip-method">
            <h2 id="slip-method" className={styles.heading}>
              Shipping method
            </h2>
            <p style={{ margin: 0 }} data-testid="packing-slip-method">
              {shippingMethodName(order.shippingMethod, true)}
            </p>
          </section>
        </div>

        <table className={styles.lines} data-testid="packing-slip-lines">
          <caption className="visually-hidden">Items to pack</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col" className={styles.quantity}>
                Quantity
              </th>
              <th scope="col" className={styles.check}>
                Packed
              </th>
            </tr>
          </thead>
          <tbody>
            {order.items.map((item) => (
              <tr key={item.productId} data-testid="packing-slip-line">
                <td>
                  {item.productName}
                  <br />
                  <small>{item.productSlug}</small>
                </td>
                <td className={styles.quantity}>{item.quantity}</td>
                <td className={styles.check} aria-hidden="true">
                  ☐
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Items in all</th>
              <td className={styles.quantity}>{order.itemCount}</td>
              <td />
            </tr>
          </tfoot>
        </table>
        <p style={{ marginBottom: 0 }}>
          <small>Order id {order.id}</small>
        </p>
      </article>
    </>
  );
}
