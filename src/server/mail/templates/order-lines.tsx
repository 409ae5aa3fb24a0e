import { formatMoney } from "@/lib/money";
import { orderTotalLines } from "@/lib/order-total-lines";
import type { OrderSummary } from "../../queue/mail-kinds";
import * as styles from "./styles";

/** The order's lines, then the total's lines as charged, as a table; plain text shows it as aligned columns. */
export function OrderLines({ order }: { order: OrderSummary }) {
  return (
    <table style={styles.table} data-text-format="dataTable" role="presentation">
      <tbody>
        {order.lines.map((line, index) => (
          <tr key={index}>
            <td style={styles.cell}>
              {line.quantity} × {line.name}
              {line.quantity > 1 ? ` (${formatMoney(line.unitPriceCents)} each)` : ""}
            </td>
            <td style={styles.amountCell}>{formatMoney(line.quantity * line.unitPriceCents)}</td>
          </tr>
        ))}
        {orderTotalLines(order).map((line) => {
          const total = line.part === "total";
          return (
            <tr key={line.part}>
              <td style={total ? styles.totalCell : styles.partCell}>{line.label}</td>
              <td style={total ? styles.totalAmountCell : styles.partAmountCell}>{line.amount}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** How an order is named to its customer, as on the order pages. */
export function orderNumber(order: OrderSummary): string {
  return `#${order.id.slice(0, 8)}`;
}
