import { formatMoney } from "@/lib/money";
import { MailLayout } from "./mail-layout";
import { ActionButton, Paragraph } from "./mail-parts";
import { OrderLines, orderNumber } from "./order-lines";
import type { MailOf, Shop, TemplateProps } from "./template-props";

export function orderCancelledSubject(mail: MailOf<"order-cancelled">, shop: Shop): string {
  return `Your ${shop.name} order ${orderNumber(mail.order)} was cancelled`;
}

export function OrderCancelledMail({ mail, shop }: TemplateProps<"order-cancelled">) {
  const number = orderNumber(mail.order);
  const refund = formatMoney(mail.refundCents);
  return (
    <MailLayout
      shop={shop}
      preview={mail.refundCents > 0 ? `We are refunding ${refund}.` : "Nothing was charged."}
      heading={`Your order ${number} was cancelled`}
    >
      <Paragraph>Hello {mail.name},</Paragraph>
      <Paragraph>Your order is cancelled and will not be shipped.</Paragraph>
      <Paragraph>
        {mail.refundCents > 0
          ? `We are refunding ${refund} to the payment method you paid with. Depending on your bank, it can take a few business days to show on your statement.`
          : "Nothing was charged for this order, so there is nothing to refund."}
      </Paragraph>
      <OrderLines order={mail.order} />
      <ActionButton href={mail.orderUrl}>View your order</ActionButton>
    </MailLayout>
  );
}
